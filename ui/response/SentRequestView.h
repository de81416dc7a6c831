#pragma once

#include "model/Exchange.h"

#include <QWidget>

namespace Sonde {

class CodeEditor;

/// The request exactly as sent, as text: each redirect hop's request first (with the status that
/// redirected it), then the last request; head lines as on the wire, then the body text, or
/// "(N bytes binary)" for a body that is not UTF-8 text.
QByteArray sentRequestText(const Exchange &exchange);

/// The Request tab: sentRequestText() in a read-only plain-text CodeEditor.
class SentRequestView : public QWidget
{
    Q_OBJECT

public:
    explicit SentRequestView(QWidget *parent = nullptr);

    void setExchange(const Exchange &exchange);
    void clear();
    CodeEditor *editor() const { return m_editor; }

private:
    CodeEditor *m_editor;
};

} // namespace Sonde
