#include "response/BodyView.h"

#include "editor/CodeEditor.h"
#include "editor/FindBar.h"
#include "response/BodyFilter.h"
#include "response/BodyFilterBar.h"
#include "response/BodySaver.h"
#include "response/DisplayFormat.h"
#include "response/ImagePreview.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <utility>

namespace Sonde {

namespace {

/// Frees documents in a worker thread: freeing a 100 MB Scintilla document stalls the thread that
/// does it for up to seconds (measured) while other threads allocate. Only for documents no editor
/// shows: Scintilla's reference count is not atomic. The caller hands over its handles (moves them
/// in), or the last one could still be dropped on this thread.
template<typename... Documents> void releaseInBackground(Documents &&...handed)
{
    QList<TextDocument> documents;
    (documents.append(std::move(handed)), ...);
    documents.removeIf([](const TextDocument &document) { return document.isNull(); });
    if (documents.isEmpty())
        return;
    QFuture<void> release
        = QtConcurrent::run([documents = std::move(documents)]() mutable { documents.clear(); });
    Q_UNUSED(release);
}

} // namespace

BodyView::BodyView(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_editor(new CodeEditor(m_pages))
    , m_image(new ImagePreview(m_pages))
    , m_viewAsBox(new QComboBox(this))
    , m_saveButton(new QToolButton(this))
    , m_copyButton(new QToolButton(this))
    , m_prettyButton(new QToolButton(this))
    , m_rawButton(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_cancelButton(new QToolButton(this))
    , m_openAnywayButton(new QToolButton(this))
    , m_progressTimer(new QTimer(this))
    , m_notice(new QLabel(this))
    , m_findBar(new FindBar(m_editor, this))
    , m_filterBar(new BodyFilterBar(this))
{
    m_editor->setReadOnlyViewer(true);
    m_editor->setFrameShape(QFrame::NoFrame);

    m_prettyButton->setText(tr("Pretty"));
    m_prettyButton->setToolTip(tr("Show the body indented (JSON and XML)"));
    m_rawButton->setText(tr("Raw"));
    m_rawButton->setToolTip(tr("Show the body as received"));
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {m_prettyButton, m_rawButton}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
    }
    m_prettyButton->setChecked(true);
    connect(m_prettyButton, &QToolButton::clicked, this, [this] { setPrettyPreferred(true); });
    connect(m_rawButton, &QToolButton::clicked, this, [this] { setPrettyPreferred(false); });

    m_notice->setWordWrap(false);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop formatting the body"));
    m_openAnywayButton->setText(tr("Open anyway"));
    m_openAnywayButton->setToolTip(tr("Show the whole body, raw (this can take a lot of memory)"));
    for (QToolButton *button : {m_cancelButton, m_openAnywayButton}) {
        button->setAutoRaise(true);
        button->hide();
    }
    connect(m_cancelButton, &QToolButton::clicked, this, &BodyView::cancelWork);
    connect(m_openAnywayButton, &QToolButton::clicked, this, &BodyView::openAnyway);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &BodyView::showProgress);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->setSpacing(2);
    bar->addWidget(m_prettyButton);
    bar->addWidget(m_rawButton);
    bar->addSpacing(10);
    bar->addWidget(m_notice, 1);
    bar->addWidget(m_status);
    bar->addWidget(m_cancelButton);
    bar->addWidget(m_openAnywayButton);
    bar->addWidget(createToolbar());
    m_pages->addWidget(m_editor);
    m_pages->addWidget(m_image);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_findBar);
    layout->addWidget(m_filterBar);
    const auto addShortcut = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, m_findBar, slot);
    };
    addShortcut(QKeySequence::Find, &FindBar::open);
    addShortcut(QKeySequence(Qt::Key_F3), &FindBar::findNext);
    addShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), &FindBar::findPrevious);
    connect(m_filterBar, &BodyFilterBar::filterRequested, this, &BodyView::applyFilter);
    updateButtons();
}

BodyView::~BodyView()
{
    cancelRendering();
    cancelFilter();
}

void BodyView::setBody(const BodyData &body, const QString &contentType)
{
    cancelRendering();
    cancelFilter();
    m_body = body;
    m_contentType = contentType;
    m_prettyAvailable = false;
    m_openAnyway = false;
    m_formatFailure.clear();
    m_shown = BodyRendering::Shown::Nothing;
    m_editor->setUtf8Text({});
    m_image->clear();
    releaseBuiltDocuments();
    m_notice->clear();
    m_status->setText(tr("Loading…"));
    m_openAnywayButton->hide();
    updateButtons();
    startRendering(m_prettyPreferred);
}

void BodyView::openAnyway()
{
    if (m_body.isEmpty() || m_shown != BodyRendering::Shown::Nothing || isBusy())
        return;
    m_openAnyway = true;
    m_openAnywayButton->hide();
    m_notice->clear();
    startRendering(false);
}

void BodyView::cancelWork()
{
    if (!isBusy())
        return;
    const bool formatting = m_renderingPretty && m_shown != BodyRendering::Shown::Nothing;
    cancelRendering();
    m_status->setText(formatting ? tr("Formatting stopped") : tr("Stopped"));
}

void BodyView::clear()
{
    cancelRendering();
    cancelFilter();
    m_filterBar->setSyntax(BodyFilterBar::Syntax::None);
    m_body = {};
    m_prettyAvailable = false;
    m_openAnyway = false;
    m_formatFailure.clear();
    m_openAnywayButton->hide();
    m_shown = BodyRendering::Shown::Nothing;
    m_editor->setUtf8Text({});
    m_image->clear();
    m_pages->setCurrentWidget(m_editor);
    releaseBuiltDocuments();
    m_notice->clear();
    m_status->clear();
    updateButtons();
}

void BodyView::setPrettyPreferred(bool pretty)
{
    m_prettyPreferred = pretty;
    updateButtons();
    if (m_shown == BodyRendering::Shown::Nothing) {
        // Still rendering the first time: start over in the chosen mode.
        if (isBusy() && m_renderingPretty != pretty) {
            cancelRendering();
            dropPreview();
            startRendering(pretty);
        }
        return;
    }
    if (!m_prettyAvailable)
        return;
    if (isFiltered())
        return; // the matches stay on screen; the choice applies once the filter is cleared
    if (isBusy() && m_renderingPretty == pretty)
        return; // already on its way
    cancelRendering(); // the other mode's work, if any
    const BodyRendering &built = m_built.at(pretty ? 1 : 0);
    if (!built.document.isNull()) {
        present(built);
        return;
    }
    m_status->setText(pretty ? tr("Formatting…") : tr("Loading…"));
    if (isLarge()) {
        // The shown document goes before the other is built, so that a large body is held once:
        // the other mode's preview stands in meanwhile.
        m_editor->setUtf8Text({});
        releaseInBackground(
            std::exchange(m_built.at(0).document, {}), std::exchange(m_built.at(1).document, {}));
        m_built = {};
        m_shown = BodyRendering::Shown::Nothing;
    }
    startRendering(pretty);
}

QString BodyView::notice() const
{
    return m_notice->text();
}

void BodyView::startRendering(bool pretty)
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress = std::make_shared<std::atomic_int>(0);
    m_renderingPretty = pretty;
    const quint64 generation = ++m_generation;
    if (isLarge()) {
        m_cancelButton->setVisible(true);
        m_progressTimer->start();
    }
    if (isLarge() && !m_openAnyway && m_shown == BodyRendering::Shown::Nothing && m_previewDocument.isNull())
        startPreview(pretty, generation); // the whole follows, sized by what the preview became
    else
        startWhole(pretty, generation, isLarge() && !pretty ? rawDocumentBytes() : 0);
}

qint64 BodyView::rawDocumentBytes() const
{
    // The body, and the line breaks LongLineBreaker may add.
    return m_body.size() + m_body.size() / 1024 + 4096;
}

void BodyView::startWhole(bool pretty, quint64 generation, qint64 expectedBytes)
{
    // The worker creates the document: making room for a large one takes a while.
    BodyRenderRequest request {
        m_body, m_contentType, pretty, m_viewAs, {}, m_cancel, m_progress, m_openAnyway, 0, expectedBytes};
    auto *watcher = new QFutureWatcher<BodyRendering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, pretty] {
        watcher->deleteLater();
        BodyRendering rendering = watcher->future().takeResult();
        if (generation != m_generation || rendering.cancelled) {
            releaseInBackground(std::move(rendering.document));
            return;
        }
        renderingFinished(std::move(rendering), pretty);
    });
    watcher->setFuture(QtConcurrent::run(&renderBody, std::move(request)));
}

void BodyView::startPreview(bool pretty, quint64 generation)
{
    BodyRenderRequest request {
        m_body, m_contentType, pretty, m_viewAs, {}, m_cancel, {}, false, PreviewBytes};
    auto *watcher = new QFutureWatcher<BodyRendering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, pretty] {
        watcher->deleteLater();
        BodyRendering preview = watcher->future().takeResult();
        if (generation != m_generation || preview.cancelled) {
            releaseInBackground(std::move(preview.document));
            return;
        }
        // The whole document is as much larger than the preview as the body is than the bytes the
        // preview shows: making room for it at once spares the copies of a growing document.
        qint64 expectedBytes = pretty ? 0 : rawDocumentBytes();
        if (preview.shown == BodyRendering::Shown::Pretty && preview.sourceBytes > 0) {
            const double ratio = double(preview.document.size()) / double(preview.sourceBytes);
            expectedBytes = qint64(ratio * 1.02 * double(m_body.size())) + 4096;
        }
        startWhole(pretty, generation, expectedBytes);
        if (preview.shown == BodyRendering::Shown::Nothing) {
            releaseInBackground(std::move(preview.document));
            return;
        }
        m_previewDocument = preview.document;
        showRendering(preview);
        m_notice->setText(preview.notice);
        m_notice->setToolTip(preview.notice);
        Q_EMIT previewShown();
    });
    watcher->setFuture(QtConcurrent::run(&renderBody, std::move(request)));
}

void BodyView::dropPreview()
{
    if (m_previewDocument.isNull())
        return;
    m_editor->setUtf8Text({});
    releaseInBackground(std::exchange(m_previewDocument, {}));
}

void BodyView::renderingFinished(BodyRendering rendering, bool pretty)
{
    m_cancel.reset();
    m_progress.reset();
    m_progressTimer->stop();
    m_cancelButton->hide();
    if (rendering.tooLarge) {
        releaseInBackground(std::move(rendering.document));
        m_status->clear();
        m_notice->setText(rendering.notice);
        m_notice->setToolTip(rendering.notice);
        m_openAnywayButton->show();
        Q_EMIT rendered();
        return;
    }
    if (rendering.prettyFailed) {
        // Malformed after all: the raw text stays (or comes back), with where the body broke.
        releaseInBackground(std::move(rendering.document));
        m_prettyAvailable = false;
        BodyRendering &raw = m_built.at(0);
        raw.prettyAvailable = false;
        raw.notice = rendering.notice;
        m_formatFailure = rendering.notice;
        if (!raw.document.isNull()) {
            present(raw);
        } else {
            dropPreview(); // the start of a pretty text that will not come
            m_status->setText(tr("Loading…"));
            startRendering(false);
        }
        return;
    }
    if (!pretty && !m_formatFailure.isEmpty()) {
        rendering.prettyAvailable = false;
        if (!rendering.notice.startsWith(m_formatFailure))
            rendering.notice
                = m_formatFailure + (rendering.notice.isEmpty() ? QString() : u"  ·  " + rendering.notice);
    }
    const int shownIndex = pretty ? 1 : 0;
    m_built.at(shownIndex) = rendering;
    present(rendering);
    if (isLarge()) {
        // Only the shown mode's document of a large body is kept: the other is rebuilt if asked for.
        BodyRendering &other = m_built.at(1 - shownIndex);
        releaseInBackground(std::exchange(other.document, {}));
        other = {};
    }
}

void BodyView::showProgress()
{
    if (!m_progress)
        return;
    const int percent = m_progress->load(std::memory_order_relaxed) / 10;
    m_status->setText((m_renderingPretty ? tr("Formatting… %1%") : tr("Loading… %1%")).arg(percent));
}

void BodyView::present(const BodyRendering &rendering)
{

    m_status->clear();
    m_prettyAvailable = rendering.prettyAvailable;
    m_shown = rendering.shown;
    if (!m_previewDocument.isNull()) {
        // The preview is the start of this document: the user stays where they were in it.
        const int firstLine = m_editor->firstVisibleLine();
        int line = 0;
        int index = 0;
        m_editor->getCursorPosition(&line, &index);
        TextDocument preview = std::exchange(m_previewDocument, {});
        showRendering(rendering);
        releaseInBackground(std::move(preview));
        m_editor->setCursorPosition(line, index);
        m_editor->setFirstVisibleLine(firstLine);
    } else {
        showRendering(rendering);
    }
    m_notice->setText(rendering.notice);
    m_notice->setToolTip(rendering.notice);
    const bool hasText
        = rendering.shown == BodyRendering::Shown::Pretty || rendering.shown == BodyRendering::Shown::Raw;
    m_filterBar->setSyntax(!hasText                            ? BodyFilterBar::Syntax::None
            : rendering.language == CodeEditor::Language::Json ? BodyFilterBar::Syntax::JsonPath
            : rendering.language == CodeEditor::Language::Xml  ? BodyFilterBar::Syntax::XPath
                                                               : BodyFilterBar::Syntax::None);
    updateButtons();
    Q_EMIT rendered();
    if (!m_filterBar->expression().isEmpty())
        applyFilter(m_filterBar->expression());
}

void BodyView::showRendering(const BodyRendering &rendering)
{
    if (rendering.shown == BodyRendering::Shown::Image) {
        m_editor->setUtf8Text({});
        m_image->setImage(rendering.image, rendering.imageInfo);
        m_pages->setCurrentWidget(m_image);
        return;
    }
    m_image->clear();
    m_pages->setCurrentWidget(m_editor);
    // A document without styles gets no lexer: there is nowhere to keep its colours.
    const CodeEditor::Language language
        = rendering.highlighted ? rendering.language : CodeEditor::Language::PlainText;
    if (rendering.shown == BodyRendering::Shown::Nothing)
        showWithLexer({}, language);
    else
        showWithLexer(rendering.document, language);
}

void BodyView::showWithLexer(const TextDocument &document, CodeEditor::Language language)
{
    const qint64 size = document.isNull() ? 0 : document.size();
    if (m_editor->needsNewLexer(language, size)) {
        // A new lexer styles the whole current text at once: switch while the editor holds nothing.
        m_editor->setUtf8Text({});
        m_editor->setLanguage(language, size);
    }
    if (document.isNull())
        m_editor->setUtf8Text({});
    else
        m_editor->showDocument(document);
}

void BodyView::applyFilter(const QString &expression)
{
    cancelFilter();
    m_filterBar->setError({});
    m_filterBar->setStatus({});
    if (expression.isEmpty() || m_filterBar->syntax() == BodyFilterBar::Syntax::None) {
        showUnfiltered();
        if (!expression.isEmpty())
            Q_EMIT filterFinished();
        return;
    }
    m_filterBar->setStatus(tr("Filtering…"));
    m_filterCancel = std::make_shared<std::atomic_bool>(false);
    BodyFilterRequest request {m_body, m_contentType,
        m_filterBar->syntax() == BodyFilterBar::Syntax::XPath ? BodyFilterRequest::Syntax::XPath
                                                              : BodyFilterRequest::Syntax::JsonPath,
        expression, m_editor->createDocument(), m_filterCancel};
    const quint64 generation = ++m_filterGeneration;
    auto *watcher = new QFutureWatcher<BodyFilterResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        BodyFilterResult result = watcher->future().takeResult();
        if (generation != m_filterGeneration || result.cancelled) {
            releaseInBackground(std::move(result.document));
            return;
        }
        m_filterCancel.reset();
        if (!result.ok) {
            // The text on screen stays as it was: the user is probably still typing the expression.
            m_filterBar->setStatus({});
            m_filterBar->setError(result.error);
        } else {
            TextDocument previous = m_filterDocument;
            m_filterDocument = result.document;
            // The matches are JSON or XML, coloured even when the body is too large to be.
            const BodyRendering &built = m_built.at(m_shown == BodyRendering::Shown::Pretty ? 1 : 0);
            showWithLexer(m_filterDocument, built.language);
            releaseInBackground(std::move(previous));
            m_filterBar->setStatus(
                result.matches == 1 ? tr("1 match") : tr("%n matches", nullptr, int(result.matches)));
        }
        Q_EMIT filterFinished();
    });
    watcher->setFuture(QtConcurrent::run(&filterBody, std::move(request)));
}

void BodyView::cancelFilter()
{
    if (m_filterCancel)
        m_filterCancel->store(true);
    m_filterCancel.reset();
    ++m_filterGeneration;
}

void BodyView::showUnfiltered()
{
    if (!isFiltered())
        return;
    const BodyRendering &built = m_built.at(m_shown == BodyRendering::Shown::Pretty ? 1 : 0);
    showWithLexer(built.document, built.highlighted ? built.language : CodeEditor::Language::PlainText);
    releaseInBackground(std::exchange(m_filterDocument, {}));
}

void BodyView::releaseBuiltDocuments()
{
    dropPreview();
    if (isFiltered())
        m_editor->setUtf8Text({}); // the filter's document is released with the others
    releaseInBackground(std::exchange(m_built.at(0).document, {}), std::exchange(m_built.at(1).document, {}),
        std::exchange(m_filterDocument, {}));
    m_built = {};
    m_filterDocument = {};
}

void BodyView::cancelRendering()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    m_progress.reset();
    m_progressTimer->stop();
    m_cancelButton->hide();
    ++m_generation;
}

QWidget *BodyView::createToolbar()
{
    auto *toolbar = new QWidget(this);
    m_viewAsBox->setToolTip(tr("Show the body as"));
    const std::pair<QString, BodyViewAs> choices[] = {{tr("Auto"), BodyViewAs::Auto},
        {tr("JSON"), BodyViewAs::Json}, {tr("XML"), BodyViewAs::Xml}, {tr("HTML"), BodyViewAs::Html},
        {tr("JavaScript"), BodyViewAs::JavaScript}, {tr("YAML"), BodyViewAs::Yaml},
        {tr("CSS"), BodyViewAs::Css}, {tr("Text"), BodyViewAs::Text}, {tr("Hex"), BodyViewAs::Hex}};
    for (const auto &[name, viewAs] : choices)
        m_viewAsBox->addItem(name, QVariant::fromValue(int(viewAs)));
    connect(m_viewAsBox, &QComboBox::activated, this,
        [this](int index) { setViewAs(BodyViewAs(m_viewAsBox->itemData(index).toInt())); });
    m_saveButton->setText(tr("Save…"));
    m_saveButton->setToolTip(tr("Save the body to a file, as received"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy what is shown to the clipboard"));
    for (QToolButton *button : {m_saveButton, m_copyButton})
        button->setAutoRaise(true);
    connect(m_saveButton, &QToolButton::clicked, this, &BodyView::chooseFileAndSave);
    connect(m_copyButton, &QToolButton::clicked, this, &BodyView::copyShown);
    auto *layout = new QHBoxLayout(toolbar);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_viewAsBox);
    layout->addWidget(m_copyButton);
    layout->addWidget(m_saveButton);
    return toolbar;
}

void BodyView::setViewAs(BodyViewAs viewAs)
{
    m_viewAsBox->setCurrentIndex(m_viewAsBox->findData(int(viewAs)));
    if (viewAs == m_viewAs)
        return;
    m_viewAs = viewAs;
    if (m_body.isEmpty())
        return;
    setBody(BodyData(m_body), QString(m_contentType));
}

void BodyView::chooseFileAndSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Body"));
    if (!path.isEmpty())
        saveBodyTo(path);
}

void BodyView::saveBodyTo(const QString &path)
{
    m_saveButton->setEnabled(false);
    m_status->setText(tr("Saving…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
        [this](int perMille) { m_status->setText(tr("Saving… %1%").arg(perMille / 10)); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error
            = watcher->future().resultCount() > 0 ? watcher->future().result() : tr("Saving failed");
        m_saveButton->setEnabled(true);
        m_status->setText(
            error.isEmpty() ? tr("Saved %1").arg(DisplayFormat::byteSize(m_body.size())) : QString());
        if (!error.isEmpty()) {
            m_notice->setText(error);
            m_notice->setToolTip(error);
        }
        Q_EMIT saveFinished(error);
    });
    watcher->setFuture(QtConcurrent::run(&saveBody, m_body, path));
}

void BodyView::copyShown() const
{
    if (m_pages->currentWidget() == m_image && !m_image->image().isNull())
        QApplication::clipboard()->setImage(m_image->image());
    else
        QApplication::clipboard()->setText(QString::fromUtf8(m_editor->utf8Text()));
}

void BodyView::updateButtons()
{
    m_saveButton->setEnabled(!m_body.isEmpty());
    m_copyButton->setEnabled(m_shown != BodyRendering::Shown::Nothing);
    m_prettyButton->setEnabled(m_prettyAvailable);
    m_rawButton->setEnabled(m_prettyAvailable);
    const bool showsPretty = m_shown == BodyRendering::Shown::Pretty
        || (m_shown == BodyRendering::Shown::Nothing && m_prettyPreferred);
    (showsPretty ? m_prettyButton : m_rawButton)->setChecked(true);
}

} // namespace Sonde
