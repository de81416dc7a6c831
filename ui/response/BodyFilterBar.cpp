#include "response/BodyFilterBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace Sonde {

namespace {
constexpr int SettleMilliseconds = 300;
}

BodyFilterBar::BodyFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_settle(new QTimer(this))
{
    m_edit->setClearButtonEnabled(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMilliseconds);
    connect(m_settle, &QTimer::timeout, this, [this] { Q_EMIT filterRequested(expression()); });
    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_settle->start(); });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_settle->stop();
        Q_EMIT filterRequested(expression());
    });

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);
    setSyntax(Syntax::None);
}

void BodyFilterBar::setSyntax(Syntax syntax)
{
    m_syntax = syntax;
    m_edit->setEnabled(syntax != Syntax::None);
    switch (syntax) {
    case Syntax::JsonPath:
        m_edit->setPlaceholderText(tr("Filter with JSONPath, e.g. $.data[*].id"));
        break;
    case Syntax::XPath:
        m_edit->setPlaceholderText(tr("Filter with XPath, e.g. //item/name"));
        break;
    case Syntax::None:
        m_edit->setPlaceholderText(tr("Filters apply to JSON (JSONPath) and XML (XPath) bodies"));
        break;
    }
}

QString BodyFilterBar::expression() const
{
    return m_edit->text().trimmed();
}

void BodyFilterBar::setExpression(const QString &expression)
{
    m_edit->setText(expression);
    m_settle->stop();
    Q_EMIT filterRequested(this->expression());
}

void BodyFilterBar::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString BodyFilterBar::error() const
{
    return m_error->text();
}

void BodyFilterBar::setStatus(const QString &status)
{
    m_status->setText(status);
}

QString BodyFilterBar::status() const
{
    return m_status->text();
}

} // namespace Sonde
