#pragma once

#include "template/TemplateResolver.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QLineEdit;

namespace Sonde {

class CodeEditor;

/// Marks the {{names}} of a URL field or a CodeEditor: a resolved name in one colour, an unresolved
/// one with a red squiggle; hovering a name shows "name = value (from environment “dev”)".
///
/// A decorator: it attaches to the widget (and is its child), asks `resolver` for the current scopes
/// each time it refreshes, and refreshes on edits (debounced) and when told that variables changed.
/// A QLineEdit is coloured through input-method text formats, a CodeEditor through indicators.
class VariableHighlighter final : public QObject
{
    Q_OBJECT
public:
    using ResolverProvider = std::function<TemplateResolver()>;

    /// One {{name}} found in the text, in characters.
    struct Mark
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QString name;
        bool resolved = false;
    };

    VariableHighlighter(QLineEdit *edit, ResolverProvider resolver);
    VariableHighlighter(CodeEditor *editor, ResolverProvider resolver);

    /// Re-reads the text and the scopes now (call when the environment or variables change).
    void refresh();
    QList<Mark> marks() const { return m_marks; }
    /// The hover text for the character at `position`, empty when it is not in a {{name}}.
    QString toolTipAt(qsizetype position) const;

    /// Bodies longer than this are not scanned (a pasted 50 MB document stays fast).
    static constexpr qsizetype MaxScannedLength = 1 << 20;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scan(const QString &text);
    void applyToLineEdit();
    void applyToEditor();
    void defineIndicators();
    void onDwell(int position, int x, int y);

    ResolverProvider m_resolver;
    QPointer<QLineEdit> m_edit;
    QPointer<CodeEditor> m_editor;
    QList<Mark> m_marks;
    QString m_text;
    QTimer m_debounce;
};

} // namespace Sonde
