#include "request/MethodBox.h"

#include "model/Request.h"

#include <QCompleter>
#include <QFontMetrics>
#include <QLineEdit>
#include <QPainter>

namespace Sonde {

MethodBox::MethodBox(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    addItems(standardMethods());
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(8);
    setAccessibleName(tr("Method"));
    // Methods are case-sensitive: "get" must not silently become "GET".
    completer()->setCaseSensitivity(Qt::CaseSensitive);
    QFont bold = lineEdit()->font();
    bold.setBold(true);
    lineEdit()->setFont(bold);

    connect(lineEdit(), &QLineEdit::textEdited, this, [this] {
        validate();
        Q_EMIT methodEdited();
    });
    connect(this, &QComboBox::activated, this, [this] {
        validate();
        Q_EMIT methodEdited();
    });
    connect(this, &QComboBox::currentTextChanged, this, [this] {
        validate();
        updateGeometry();
    });
    validate();
}

QSize MethodBox::sizeHint() const
{
    // QComboBox sizes itself to its longest item; a longer custom method would be cut off.
    constexpr int MaxTextWidth = 220;
    const QSize base = QComboBox::sizeHint();
    const QFontMetrics metrics(lineEdit()->font());
    int widestItem = 0;
    for (int i = 0; i < count(); ++i)
        widestItem = qMax(widestItem, metrics.horizontalAdvance(itemText(i)));
    const int typed = qMin(metrics.horizontalAdvance(currentText()), MaxTextWidth);
    return {base.width() + qMax(0, typed - widestItem), base.height()};
}

QString MethodBox::method() const
{
    return currentText().trimmed();
}

void MethodBox::setMethod(const QString &method)
{
    const int index = findText(method, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index >= 0)
        setCurrentIndex(index);
    setEditText(method);
    validate();
}

void MethodBox::validate()
{
    const QString text = method();
    const bool valid = isValidMethod(text);
    if (valid == m_valid && valid)
        return;
    m_valid = valid;
    if (valid) {
        setToolTip(QString());
    } else if (text.isEmpty()) {
        setToolTip(tr("Type an HTTP method, e.g. GET."));
    } else {
        setToolTip(
            tr("“%1” is not a valid HTTP method: use letters, digits and !#$%&'*+-.^_`|~ only.").arg(text));
    }
    update();
}

void MethodBox::paintEvent(QPaintEvent *event)
{
    QComboBox::paintEvent(event);
    if (m_valid)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0xd0, 0x31, 0x2d), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
}

} // namespace Sonde
