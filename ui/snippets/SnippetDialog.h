#pragma once

#include "editor/CodeEditor.h"
#include "model/Request.h"
#include "template/TemplateResolver.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSettings;

namespace Sonde {

/// Request ▸ Generate Code…: the request as code for a tool or language the user picks (see Snippets),
/// shown highlighted, ready to copy.
///
/// The request comes as it would be sent (folder headers and inherited auth applied); `{{variables}}`
/// stay as written unless "Resolve variables" is on, when `resolve` gives their values (a secret
/// value then appears in the code: it is off by default). The last target and the checkbox are kept in
/// `settings` (the application's).
class SnippetDialog final : public QDialog
{
    Q_OBJECT
public:
    using Resolve = std::function<ResolvedRequest(const Request &)>;

    SnippetDialog(const Request &request, Resolve resolve, QSettings *settings, QWidget *parent = nullptr);

    /// The id of the chosen target (see SnippetTarget::id).
    QString targetId() const;
    /// Chooses the target `id`; false when there is none of that id.
    bool setTargetId(const QString &id);
    QListWidget *targetList() const { return m_targets; }
    CodeEditor *viewer() const { return m_viewer; }
    QCheckBox *resolveBox() const { return m_resolve; }
    QPushButton *copyButton() const { return m_copy; }
    /// What the snippet cannot say, and unresolved variables.
    QLabel *statusLabel() const { return m_status; }

    /// The highlighting for a SnippetTarget::language.
    static CodeEditor::Language languageFor(const QString &snippetLanguage);

private:
    void regenerate();
    void copy();

    Request m_request;
    Resolve m_resolveFunction;
    QSettings *m_settings;
    QListWidget *m_targets;
    CodeEditor *m_viewer;
    QCheckBox *m_resolve;
    QPushButton *m_copy;
    QLabel *m_status;
};

} // namespace Sonde
