#include "request/RawBodyEditor.h"

#include "editor/CodeEditor.h"
#include "format/JsonFormatter.h"
#include "format/XmlFormatter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTimer>
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
    {"YAML", "application/yaml"},
    {"HTML", "text/html"},
    {"Text", "text/plain"},
    {"JavaScript", "application/javascript"},
};

/// `text` with every {{variable}} replaced by a JSON number padded with spaces to the same length, so
/// that a template checks as JSON and error positions stay where the user sees them.
QByteArray withoutVariables(QByteArray text)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype open = text.indexOf("{{", from);
        if (open < 0)
            return text;
        const qsizetype close = text.indexOf("}}", open + 2);
        const qsizetype newline = text.indexOf('\n', open + 2);
        if (close < 0 || (newline >= 0 && newline < close))
            return text;
        text[open] = '0';
        for (qsizetype i = open + 1; i < close + 2; ++i)
            text[i] = ' ';
        from = close + 2;
    }
}

} // namespace

RawBodyEditor::RawBodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_contentType(new QComboBox(this))
    , m_customType(new QLineEdit(this))
    , m_beautify(new QPushButton(tr("Beautify"), this))
    , m_warning(new QLabel(this))
    , m_editor(new CodeEditor(this))
    , m_validateTimer(new QTimer(this))
{
    for (const RawType &type : RawTypes)
        m_contentType->addItem(QString::fromLatin1(type.label), QString::fromLatin1(type.contentType));
    m_contentType->addItem(tr("Custom"), QString());
    m_contentType->setToolTip(tr("Sent as the Content-Type header unless the Headers tab sets one"));
    m_contentType->setAccessibleName(tr("Body content type"));
    m_customType->setPlaceholderText(tr("e.g. text/csv"));
    m_customType->setAccessibleName(tr("Custom content type"));
    const int typeWidth
        = m_customType->fontMetrics().horizontalAdvance(QStringLiteral("application/x-ndjson"));
    m_customType->setMinimumWidth(typeWidth + 16);
    m_customType->setMaximumWidth(2 * typeWidth);
    m_beautify->setToolTip(tr("Re-indent the JSON or XML"));
    m_beautify->setAutoDefault(false);

    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_warning->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x5a, 0x00));
    m_warning->setPalette(palette);
    m_warning->hide();

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(300);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_contentType);
    bar->addWidget(m_customType);
    bar->addWidget(m_beautify);
    bar->addSpacing(8);
    bar->addWidget(m_warning, 1);
    bar->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);

    connect(m_contentType, &QComboBox::currentIndexChanged, this, &RawBodyEditor::onContentTypeChanged);
    connect(m_customType, &QLineEdit::textEdited, this, [this] {
        updateLanguage();
        validate();
        Q_EMIT edited();
    });
    connect(m_beautify, &QPushButton::clicked, this, &RawBodyEditor::beautify);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        if (m_updating)
            return;
        m_validateTimer->start();
        Q_EMIT edited();
    });
    connect(m_validateTimer, &QTimer::timeout, this, &RawBodyEditor::validate);
    onContentTypeChanged();
}

Body RawBodyEditor::body() const
{
    return {Body::Kind::Raw, contentType(), m_editor->utf8Text()};
}

void RawBodyEditor::setBody(const Body &body)
{
    const QScopedValueRollback guard(m_updating, true);
    int index = body.contentType.isEmpty() ? -1 : m_contentType->findData(body.contentType);
    if (index < 0)
        index = m_contentType->count() - 1;
    m_customType->setText(m_contentType->itemData(index).toString().isEmpty() ? body.contentType : QString());
    m_contentType->setCurrentIndex(index);
    onContentTypeChanged();
    m_editor->setUtf8Text(body.data);
    validate();
}

QString RawBodyEditor::contentType() const
{
    const QString offered = m_contentType->currentData().toString();
    return offered.isEmpty() ? m_customType->text().trimmed() : offered;
}

QString RawBodyEditor::summary() const
{
    if (!m_contentType->currentData().toString().isEmpty())
        return m_contentType->currentText();
    const QString custom = m_customType->text().trimmed();
    return custom.isEmpty() ? m_contentType->currentText() : custom;
}

bool RawBodyEditor::beautify()
{
    const CodeEditor::Language language = m_editor->language();
    if (language != CodeEditor::Language::Json && language != CodeEditor::Language::Xml)
        return false;
    const QByteArray text = m_editor->utf8Text();
    const FormatResult result = language == CodeEditor::Language::Json ? formatJson(text) : formatXml(text);
    if (!result.ok) {
        showWarning(tr("Cannot beautify: %1").arg(result.error));
        return false;
    }
    QByteArray output = result.output;
    while (output.endsWith('\n'))
        output.chop(1);
    if (output != text) {
        // Through the selection rather than setUtf8Text(), so Undo brings the previous text back.
        m_editor->selectAll();
        m_editor->replaceSelectedText(QString::fromUtf8(output));
        m_editor->setCursorPosition(0, 0);
    }
    validate();
    return true;
}

QString RawBodyEditor::warning() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

void RawBodyEditor::onContentTypeChanged()
{
    m_customType->setVisible(m_contentType->currentData().toString().isEmpty());
    updateLanguage();
    validate();
    if (!m_updating)
        Q_EMIT edited();
}

void RawBodyEditor::updateLanguage()
{
    const CodeEditor::Language language = CodeEditor::languageForContentType(contentType());
    if (language != m_editor->language())
        m_editor->setLanguage(language);
    m_beautify->setEnabled(language == CodeEditor::Language::Json || language == CodeEditor::Language::Xml);
}

void RawBodyEditor::validate()
{
    m_validateTimer->stop();
    if (m_editor->language() != CodeEditor::Language::Json) {
        showWarning(QString());
        return;
    }
    const QByteArray text = m_editor->utf8Text();
    if (text.trimmed().isEmpty()) {
        showWarning(QString());
        return;
    }
    const FormatResult result = formatJson(withoutVariables(text));
    showWarning(result.ok ? QString() : tr("Invalid JSON: %1").arg(result.error));
}

void RawBodyEditor::showWarning(const QString &text)
{
    m_warning->setText(text);
    m_warning->setToolTip(text);
    m_warning->setVisible(!text.isEmpty());
}

} // namespace Sonde
