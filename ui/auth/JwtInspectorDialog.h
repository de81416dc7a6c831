#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;

namespace Sonde {

class JwksFetcher;

/// Tools ▸ JWT Inspector, and the Inspect buttons of token fields: a JSON Web Token's header and claims
/// decoded, its exp, iat and nbf as local dates with the time left, and its signature checked against
/// the key set of the issuer (discovery, then jwks_uri, through the application's network manager).
class JwtInspectorDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `network` may be null: the signature check is then unavailable.
    explicit JwtInspectorDialog(QNetworkAccessManager *network, QWidget *parent = nullptr);

    void setToken(const QString &token);
    /// Where the keys come from; when empty, the token's own `iss` claim is used.
    void setIssuer(const QString &issuer);
    /// Fetches the issuer's keys and checks the signature; the result shows in signatureLabel().
    void checkSignature();

    QPlainTextEdit *tokenEdit() const { return m_token; }
    QLineEdit *issuerEdit() const { return m_issuer; }
    QPushButton *checkButton() const { return m_check; }
    QPlainTextEdit *headerView() const { return m_header; }
    QPlainTextEdit *claimsView() const { return m_claims; }
    QLabel *timesLabel() const { return m_times; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *signatureLabel() const { return m_signature; }

private:
    void decode();
    void showSignature(const QString &text, bool good);

    QNetworkAccessManager *m_network;
    QPointer<JwksFetcher> m_fetcher;
    QPlainTextEdit *m_token;
    QLineEdit *m_issuer;
    QPushButton *m_check;
    QLabel *m_problem;
    QPlainTextEdit *m_header;
    QPlainTextEdit *m_claims;
    QLabel *m_times;
    QLabel *m_signature;
    QString m_tokenIssuer;
};

} // namespace Sonde
