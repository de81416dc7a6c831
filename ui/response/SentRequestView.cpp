#include "response/SentRequestView.h"

#include "editor/CodeEditor.h"

#include <QVBoxLayout>

namespace Sonde {

namespace {

QByteArray requestText(const SentRequest &sent)
{
    QByteArray text = sent.headText();
    text.replace("\r\n", "\n");
    if (!sent.body.isEmpty()) {
        const bool binary = !QByteArrayView(sent.body).isValidUtf8() || sent.body.contains('\0');
        if (binary)
            text += "(" + QByteArray::number(sent.bodySize) + " bytes binary)";
        else
            text += sent.body;
    } else if (sent.bodySize > 0) {
        text += "(" + QByteArray::number(sent.bodySize) + " bytes)";
    }
    return text;
}

} // namespace

QByteArray sentRequestText(const Exchange &exchange)
{
    if (exchange.redirects.isEmpty())
        return requestText(exchange.sent);
    QByteArray text;
    const qsizetype count = exchange.redirects.size() + 1;
    for (qsizetype i = 0; i < exchange.redirects.size(); ++i) {
        const RedirectHop &hop = exchange.redirects.at(i);
        text += "# Request " + QByteArray::number(i + 1) + " of " + QByteArray::number(count) + ": redirected by "
                + QByteArray::number(hop.response.statusCode) + ' ' + hop.response.reasonPhrase + "\n";
        text += requestText(hop.sent);
        if (!text.endsWith('\n'))
            text += '\n';
        text += '\n';
    }
    text += "# Request " + QByteArray::number(count) + " of " + QByteArray::number(count) + "\n";
    text += requestText(exchange.sent);
    return text;
}

SentRequestView::SentRequestView(QWidget *parent)
    : QWidget(parent)
    , m_editor(new CodeEditor(this))
{
    m_editor->setReadOnlyViewer(true);
    m_editor->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
}

void SentRequestView::setExchange(const Exchange &exchange)
{
    m_editor->setUtf8Text(sentRequestText(exchange));
}

void SentRequestView::clear()
{
    m_editor->setUtf8Text({});
}

} // namespace Sonde
