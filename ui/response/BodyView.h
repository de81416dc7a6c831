#pragma once

#include "editor/TextDocument.h"
#include "model/BodyData.h"
#include "response/BodyRenderer.h"

#include <QWidget>
#include <array>
#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace Sonde {

class BodyFilterBar;
class CodeEditor;
class FindBar;
class ImagePreview;

/// The Body tab: a read-only CodeEditor showing the response body pretty-printed or raw.
///
/// A large body (LargeBodyBytes) is read in the chosen mode behind a preview: its first
/// PreviewBytes, formatted the same way, are on screen at once while the whole is read and formatted
/// with progress and a Cancel button, then the whole document replaces the preview where the user
/// is. Only the shown mode's document of a large body is kept (the other is rebuilt when asked for).
/// A body above MaxAutoShownBytes is only offered: "Open anyway" shows it raw.
///
/// Reading, decoding, pretty-printing and loading the text into a document happen in a worker
/// (renderBody); the finished document is swapped into the editor at once. A new body cancels the
/// work for the previous one. The Pretty/Raw choice is the user's and stays across bodies; each
/// mode's document is kept once built, so toggling back is instant.
///
/// A filter field under the body narrows a JSON body with JSONPath or an XML body with XPath; the
/// matches are computed in a worker too and replace the text until the filter is cleared. Ctrl+F
/// opens a find bar over the text shown. Images are previewed; "View as" overrides the sniffed type
/// (JSON, XML, …, Hex); Save writes the body to a file in a worker, Copy puts what is shown on the
/// clipboard.
class BodyView : public QWidget
{
    Q_OBJECT

public:
    explicit BodyView(QWidget *parent = nullptr);
    ~BodyView() override;

    /// Shows `body`, interpreted with `contentType`; rendered() follows when it is on screen.
    void setBody(const BodyData &body, const QString &contentType);
    void clear();

    bool prettyPreferred() const { return m_prettyPreferred; }
    void setPrettyPreferred(bool pretty);

    /// What the editor shows now (Nothing while it shows a large body's preview).
    BodyRendering::Shown shown() const { return m_shown; }
    /// True while the editor shows a large body's preview, the whole body being on its way.
    bool showsPreview() const { return !m_previewDocument.isNull(); }
    QString notice() const;
    CodeEditor *editor() const { return m_editor; }
    BodyFilterBar *filterBar() const { return m_filterBar; }
    FindBar *findBar() const { return m_findBar; }
    ImagePreview *imagePreview() const { return m_image; }

    /// Overrides the sniffed type (Auto follows the Content-Type and the first bytes).
    void setViewAs(BodyViewAs viewAs);
    BodyViewAs viewAs() const { return m_viewAs; }

    /// Writes the body to `path` in a worker; saveFinished() follows.
    void saveBodyTo(const QString &path);
    /// Copies what is shown (text, matches or image) to the clipboard.
    void copyShown() const;
    /// True while a worker is reading, formatting or loading the body.
    bool isBusy() const { return m_cancel != nullptr; }
    /// Shows a body above MaxAutoShownBytes, which is otherwise only offered.
    void openAnyway();
    /// Stops the work in progress (formatting a large body behind its raw text, or loading it).
    void cancelWork();

    /// True while the editor shows the matches of a filter instead of the body.
    bool isFiltered() const { return !m_filterDocument.isNull(); }

Q_SIGNALS:
    void rendered();
    /// A large body's preview is on screen.
    void previewShown();
    /// A filter finished: its matches are shown, or its error is under the field.
    void filterFinished();
    /// Saving ended: `error` is empty on success.
    void saveFinished(const QString &error);

private:
    void startRendering(bool pretty);
    /// Renders the whole body into a document with room for `expectedBytes` (0: grows as needed).
    void startWhole(bool pretty, quint64 generation, qint64 expectedBytes);
    /// Renders the start of a large body, shown until the whole is done; then starts the whole.
    void startPreview(bool pretty, quint64 generation);
    /// The room a large body's raw document takes.
    qint64 rawDocumentBytes() const;
    /// Takes a preview off the screen.
    void dropPreview();
    void renderingFinished(BodyRendering rendering, bool pretty);
    bool isLarge() const { return m_body.size() > LargeBodyBytes; }
    void showProgress();
    void present(const BodyRendering &rendering);
    void cancelRendering();
    void releaseBuiltDocuments();
    void updateButtons();
    void showRendering(const BodyRendering &rendering);
    /// Shows `document` coloured as `language` (PlainText: no colours), switching the lexer first
    /// when it must change.
    void showWithLexer(const TextDocument &document, CodeEditor::Language language);
    void applyFilter(const QString &expression);
    void cancelFilter();
    void showUnfiltered();
    QWidget *createToolbar();
    void chooseFileAndSave();

    QStackedWidget *m_pages = nullptr;
    CodeEditor *m_editor = nullptr;
    ImagePreview *m_image = nullptr;
    QComboBox *m_viewAsBox = nullptr;
    QToolButton *m_saveButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_prettyButton = nullptr;
    QToolButton *m_rawButton = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_openAnywayButton = nullptr;
    QTimer *m_progressTimer = nullptr;
    QLabel *m_notice = nullptr;
    FindBar *m_findBar = nullptr;
    BodyFilterBar *m_filterBar = nullptr;

    BodyData m_body;
    QString m_contentType;
    bool m_prettyPreferred = true;
    BodyViewAs m_viewAs = BodyViewAs::Auto;
    bool m_prettyAvailable = false;
    BodyRendering::Shown m_shown = BodyRendering::Shown::Nothing;
    /// Documents built for the current body: [0] raw, [1] pretty; with their notices.
    std::array<BodyRendering, 2> m_built;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<std::atomic_int> m_progress;
    bool m_renderingPretty = false;
    bool m_openAnyway = false;
    /// Why a large body could not be pretty-printed: said over the raw text shown instead.
    QString m_formatFailure;
    /// The document of the filter shown now; null when the body is shown.
    TextDocument m_filterDocument;
    TextDocument m_previewDocument;
    quint64 m_filterGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_filterCancel;
};

} // namespace Sonde
