#include "request/BodyEditor.h"

#include "editor/CodeEditor.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Sonde {

namespace {

struct RawType
{
    const char *label;
    const char *contentType;
};

constexpr RawType RawTypes[] = {
    {"JSON", "application/json"},
    {"XML", "application/xml"},
    {"Text", "text/plain"},
};

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_none(new QRadioButton(tr("none"), this))
    , m_raw(new QRadioButton(tr("raw"), this))
    , m_kind(new QButtonGroup(this))
    , m_contentType(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_noBody(new QLabel(tr("This request has no body."), m_pages))
    , m_editor(new CodeEditor(m_pages))
{
    m_kind->addButton(m_none, int(Body::Kind::None));
    m_kind->addButton(m_raw, int(Body::Kind::Raw));
    m_none->setChecked(true);

    for (const RawType &type : RawTypes)
        m_contentType->addItem(QString::fromLatin1(type.label), QString::fromLatin1(type.contentType));
    m_contentType->setToolTip(tr("Sent as the Content-Type header unless the Headers tab sets one"));

    m_noBody->setAlignment(Qt::AlignCenter);
    m_noBody->setEnabled(false);
    m_pages->addWidget(m_noBody);
    m_pages->addWidget(m_editor);
    m_editor->setLanguage(CodeEditor::Language::Json);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_none);
    bar->addWidget(m_raw);
    bar->addSpacing(12);
    bar->addWidget(m_contentType);
    bar->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);

    connect(m_kind, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        updateMode();
        if (!m_updating)
            Q_EMIT bodyEdited();
    });
    connect(m_contentType, &QComboBox::currentIndexChanged, this, [this] {
        m_editor->setLanguage(CodeEditor::languageForContentType(m_contentType->currentData().toString()));
        if (!m_updating)
            Q_EMIT bodyEdited();
    });
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        if (!m_updating)
            Q_EMIT bodyEdited();
    });
    updateMode();
}

Body BodyEditor::body() const
{
    if (m_none->isChecked())
        return {};
    Body body;
    body.kind = Body::Kind::Raw;
    body.contentType = m_contentType->currentData().toString();
    body.data = m_editor->utf8Text();
    return body;
}

void BodyEditor::setBody(const Body &body)
{
    const QScopedValueRollback guard(m_updating, true);
    (body.kind == Body::Kind::Raw ? m_raw : m_none)->setChecked(true);
    selectContentType(body.kind == Body::Kind::Raw ? body.contentType : QString());
    m_editor->setUtf8Text(body.data);
    updateMode();
}

QString BodyEditor::summary() const
{
    return m_none->isChecked() ? QString() : m_contentType->currentText();
}

void BodyEditor::selectContentType(const QString &contentType)
{
    if (contentType.isEmpty()) {
        m_contentType->setCurrentIndex(0);
        return;
    }
    int index = m_contentType->findData(contentType);
    if (index < 0) {
        // Keep a type we do not offer (e.g. "text/csv") so a round trip does not change the request.
        m_contentType->addItem(contentType, contentType);
        index = m_contentType->count() - 1;
    }
    m_contentType->setCurrentIndex(index);
}

void BodyEditor::updateMode()
{
    const bool raw = m_raw->isChecked();
    m_pages->setCurrentWidget(raw ? static_cast<QWidget *>(m_editor) : m_noBody);
    m_contentType->setEnabled(raw);
}

} // namespace Sonde
