#include "editor/VariableHighlighter.h"

#include "editor/CodeEditor.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTextCharFormat>
#include <QToolTip>

namespace Sonde {

namespace {

// Indicator numbers above those the lexers and QScintilla use for themselves.
constexpr int ResolvedIndicator = 20;
constexpr int UnresolvedIndicator = 21;

const QColor ResolvedColor(0x1f, 0x7a, 0xc4);
const QColor UnresolvedColor(0xd0, 0x21, 0x2b);

/// UTF-8 byte offset of every character offset in `text` (one more entry for the end).
QList<int> byteOffsets(const QString &text)
{
    QList<int> offsets;
    offsets.reserve(text.size() + 1);
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        offsets.append(bytes);
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c))
            bytes += 2; // with the low surrogate's 2: 4 bytes
        else if (QChar::isLowSurrogate(c))
            bytes += 2;
        else
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    offsets.append(bytes);
    return offsets;
}

} // namespace

VariableHighlighter::VariableHighlighter(QLineEdit *edit, ResolverProvider resolver)
    : QObject(edit)
    , m_resolver(std::move(resolver))
    , m_edit(edit)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0);
    connect(&m_debounce, &QTimer::timeout, this, &VariableHighlighter::refresh);
    connect(edit, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    edit->installEventFilter(this);
    refresh();
}

VariableHighlighter::VariableHighlighter(CodeEditor *editor, ResolverProvider resolver)
    : QObject(editor)
    , m_resolver(std::move(resolver))
    , m_editor(editor)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &VariableHighlighter::refresh);
    connect(editor, &QsciScintilla::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    defineIndicators();
    editor->SendScintilla(QsciScintillaBase::SCI_SETMOUSEDWELLTIME, 500);
    connect(editor, &QsciScintillaBase::SCN_DWELLSTART, this, &VariableHighlighter::onDwell);
    connect(editor, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    refresh();
}

void VariableHighlighter::defineIndicators()
{
    m_editor->indicatorDefine(QsciScintilla::PlainIndicator, ResolvedIndicator);
    m_editor->setIndicatorForegroundColor(ResolvedColor, ResolvedIndicator);
    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, UnresolvedIndicator);
    m_editor->setIndicatorForegroundColor(UnresolvedColor, UnresolvedIndicator);
}

void VariableHighlighter::scan(const QString &text)
{
    m_text = text;
    m_marks.clear();
    if (text.size() > MaxScannedLength || !text.contains(QStringLiteral("{{")))
        return;
    const TemplateResolver resolver = m_resolver ? m_resolver() : TemplateResolver();
    for (const TemplateResolver::Reference &reference : TemplateResolver::references(text))
        m_marks.append({reference.start, reference.length, reference.name, resolver.lookup(reference.name).has_value()});
}

void VariableHighlighter::refresh()
{
    m_debounce.stop();
    if (m_edit) {
        scan(m_edit->text());
        applyToLineEdit();
    } else if (m_editor) {
        const QByteArray utf8 = m_editor->length() > MaxScannedLength * 3 ? QByteArray() : m_editor->utf8Text();
        scan(QString::fromUtf8(utf8));
        applyToEditor();
    }
}

void VariableHighlighter::applyToLineEdit()
{
    QList<QInputMethodEvent::Attribute> attributes;
    for (const Mark &mark : std::as_const(m_marks)) {
        QTextCharFormat format;
        if (mark.resolved) {
            format.setForeground(ResolvedColor);
        } else {
            format.setForeground(UnresolvedColor);
            format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            format.setUnderlineColor(UnresolvedColor);
        }
        attributes.append({QInputMethodEvent::TextFormat, int(mark.start) - m_edit->cursorPosition(), int(mark.length), format});
    }
    // QLineEdit has no API for formats of its own text: the input-method path is the supported way.
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(m_edit, &event);
}

void VariableHighlighter::applyToEditor()
{
    const int length = m_editor->length();
    for (const int indicator : {ResolvedIndicator, UnresolvedIndicator}) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0, length);
    }
    if (m_marks.isEmpty())
        return;
    const QList<int> offsets = byteOffsets(m_text);
    for (const Mark &mark : std::as_const(m_marks)) {
        const int start = offsets.at(mark.start);
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, mark.resolved ? ResolvedIndicator : UnresolvedIndicator);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, start, offsets.at(mark.start + mark.length) - start);
    }
}

QString VariableHighlighter::toolTipAt(qsizetype position) const
{
    for (const Mark &mark : m_marks) {
        if (position < mark.start || position >= mark.start + mark.length)
            continue;
        const TemplateResolver resolver = m_resolver ? m_resolver() : TemplateResolver();
        if (const std::optional<VariableLookup> found = resolver.lookup(mark.name))
            return tr("%1 = %2 (from %3)").arg(mark.name, found->value, found->scopeLabel);
        return tr("%1 is not defined in the request, its folders, the environment or the globals").arg(mark.name);
    }
    return {};
}

bool VariableHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(m_edit->cursorPositionAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_edit);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void VariableHighlighter::onDwell(int position, int x, int y)
{
    if (position < 0 || m_marks.isEmpty())
        return;
    const QList<int> offsets = byteOffsets(m_text);
    const auto character = std::upper_bound(offsets.cbegin(), offsets.cend(), position) - offsets.cbegin() - 1;
    const QString tip = toolTipAt(character);
    if (!tip.isEmpty())
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)), tip, m_editor);
}

} // namespace Sonde
