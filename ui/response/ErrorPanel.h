#pragma once

#include "model/Exchange.h"

#include <QFrame>

class QLabel;

namespace Sonde {

/// Why an exchange failed, in words: a title, the message and, for TLS, each certificate problem.
/// Full size in place of the response when nothing came back; a compact banner above the tabs for
/// a response cut short.
class ErrorPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    void setError(const TransportError &error, bool partialResponse);

    QString title() const;
    QString message() const;
    QStringList details() const { return m_details; }

private:
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_detailList;
    QStringList m_details;
};

} // namespace Sonde
