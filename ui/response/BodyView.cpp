#include "response/BodyView.h"

#include "editor/CodeEditor.h"
#include "response/BodyFilter.h"
#include "response/BodyFilterBar.h"

#include <QButtonGroup>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Sonde {

namespace {

/// Frees documents in a worker thread: freeing a 100 MB Scintilla document stalls the thread that
/// does it for up to seconds (measured) while other threads allocate. Only for documents no editor
/// shows: Scintilla's reference count is not atomic.
void releaseInBackground(QList<TextDocument> documents)
{
    documents.removeIf([](const TextDocument &document) { return document.isNull(); });
    if (documents.isEmpty())
        return;
    QFuture<void> release = QtConcurrent::run([documents = std::move(documents)]() mutable { documents.clear(); });
    Q_UNUSED(release);
}

} // namespace

BodyView::BodyView(QWidget *parent)
    : QWidget(parent)
    , m_editor(new CodeEditor(this))
    , m_prettyButton(new QToolButton(this))
    , m_rawButton(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_notice(new QLabel(this))
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

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->setSpacing(2);
    bar->addWidget(m_prettyButton);
    bar->addWidget(m_rawButton);
    bar->addSpacing(10);
    bar->addWidget(m_notice, 1);
    bar->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_filterBar);
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
    m_shown = BodyRendering::Shown::Nothing;
    m_editor->setUtf8Text({});
    releaseBuiltDocuments();
    m_notice->clear();
    m_status->setText(tr("Loading…"));
    updateButtons();
    startRendering(m_prettyPreferred);
}

void BodyView::clear()
{
    cancelRendering();
    cancelFilter();
    m_filterBar->setSyntax(BodyFilterBar::Syntax::None);
    m_body = {};
    m_prettyAvailable = false;
    m_shown = BodyRendering::Shown::Nothing;
    m_editor->setUtf8Text({});
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
        if (m_cancel) { // still rendering the first time: start over in the chosen mode
            cancelRendering();
            startRendering(pretty);
        }
        return;
    }
    if (!m_prettyAvailable)
        return;
    if (isFiltered())
        return; // the matches stay on screen; the choice applies once the filter is cleared
    const BodyRendering &built = m_built.at(pretty ? 1 : 0);
    if (!built.document.isNull()) {
        present(built);
        return;
    }
    cancelRendering();
    m_status->setText(pretty ? tr("Formatting…") : tr("Loading…"));
    startRendering(pretty);
}

QString BodyView::notice() const
{
    return m_notice->text();
}

void BodyView::startRendering(bool pretty)
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    BodyRenderRequest request{m_body, m_contentType, pretty, m_editor->createDocument(), m_cancel};
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<BodyRendering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, pretty] {
        watcher->deleteLater();
        BodyRendering rendering = watcher->future().takeResult();
        if (generation != m_generation || rendering.cancelled) {
            releaseInBackground({rendering.document});
            return;
        }
        m_cancel.reset();
        m_built.at(pretty ? 1 : 0) = rendering;
        present(rendering);
    });
    watcher->setFuture(QtConcurrent::run(&renderBody, std::move(request)));
}

void BodyView::present(const BodyRendering &rendering)
{
    m_status->clear();
    m_prettyAvailable = rendering.prettyAvailable;
    m_shown = rendering.shown;
    showRendering(rendering);
    m_notice->setText(rendering.notice);
    m_notice->setToolTip(rendering.notice);
    const bool hasText = rendering.shown == BodyRendering::Shown::Pretty || rendering.shown == BodyRendering::Shown::Raw;
    m_filterBar->setSyntax(!hasText                                          ? BodyFilterBar::Syntax::None
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
    if (rendering.language != m_editor->language()) {
        // A new lexer styles the whole current text at once: switch while the editor holds nothing.
        m_editor->setUtf8Text({});
        m_editor->setLanguage(rendering.language);
    }
    if (rendering.shown == BodyRendering::Shown::Nothing)
        m_editor->setUtf8Text({});
    else
        m_editor->showDocument(rendering.document);
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
    BodyFilterRequest request{m_body, m_contentType,
                              m_filterBar->syntax() == BodyFilterBar::Syntax::XPath ? BodyFilterRequest::Syntax::XPath
                                                                                   : BodyFilterRequest::Syntax::JsonPath,
                              expression, m_editor->createDocument(), m_filterCancel};
    const quint64 generation = ++m_filterGeneration;
    auto *watcher = new QFutureWatcher<BodyFilterResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        BodyFilterResult result = watcher->future().takeResult();
        if (generation != m_filterGeneration || result.cancelled) {
            releaseInBackground({result.document});
            return;
        }
        m_filterCancel.reset();
        if (!result.ok) {
            // The text on screen stays as it was: the user is probably still typing the expression.
            m_filterBar->setStatus({});
            m_filterBar->setError(result.error);
        } else {
            const TextDocument previous = m_filterDocument;
            m_filterDocument = result.document;
            m_editor->showDocument(m_filterDocument);
            releaseInBackground({previous});
            m_filterBar->setStatus(result.matches == 1 ? tr("1 match") : tr("%n matches", nullptr, int(result.matches)));
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
    if (!built.document.isNull())
        m_editor->showDocument(built.document);
    else
        m_editor->setUtf8Text({});
    releaseInBackground({m_filterDocument});
    m_filterDocument = {};
}

void BodyView::releaseBuiltDocuments()
{
    if (isFiltered())
        m_editor->setUtf8Text({}); // the filter's document is released with the others
    releaseInBackground({m_built.at(0).document, m_built.at(1).document, m_filterDocument});
    m_built = {};
    m_filterDocument = {};
}

void BodyView::cancelRendering()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
}

void BodyView::updateButtons()
{
    m_prettyButton->setEnabled(m_prettyAvailable);
    m_rawButton->setEnabled(m_prettyAvailable);
    const bool showsPretty = m_shown == BodyRendering::Shown::Pretty
                             || (m_shown == BodyRendering::Shown::Nothing && m_prettyPreferred);
    (showsPretty ? m_prettyButton : m_rawButton)->setChecked(true);
}

} // namespace Sonde
