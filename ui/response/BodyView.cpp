#include "response/BodyView.h"

#include "editor/CodeEditor.h"

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
    updateButtons();
}

BodyView::~BodyView()
{
    cancelRendering();
}

void BodyView::setBody(const BodyData &body, const QString &contentType)
{
    cancelRendering();
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
    if (rendering.language != m_editor->language()) {
        // A new lexer styles the whole current text at once: switch while the editor holds nothing.
        m_editor->setUtf8Text({});
        m_editor->setLanguage(rendering.language);
    }
    if (rendering.shown == BodyRendering::Shown::Nothing)
        m_editor->setUtf8Text({});
    else
        m_editor->showDocument(rendering.document);
    m_notice->setText(rendering.notice);
    m_notice->setToolTip(rendering.notice);
    updateButtons();
    Q_EMIT rendered();
}

void BodyView::releaseBuiltDocuments()
{
    releaseInBackground({m_built.at(0).document, m_built.at(1).document});
    m_built = {};
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
