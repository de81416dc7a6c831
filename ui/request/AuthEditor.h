#pragma once

#include "auth/AuthConfig.h"
#include "auth/OAuthServices.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QStackedWidget;

namespace Sonde {

class JwtInspectorDialog;
class KeyValueTableModel;
class OAuth2TokenPanel;
class OidcDiscovery;

/// The Auth tab of a request, a folder or a collection: the scheme and its fields.
///
/// Switching schemes keeps what was typed for the others (only the chosen one is saved). Secret fields
/// (passwords, tokens, keys, client secrets) are meant to hold `{{secret variable}}` references; when one
/// holds a literal value a note says that it is stored in the file as written.
///
/// For OAuth 2.0 it also runs things: "Discover" fills the endpoints from the issuer's OpenID
/// configuration, the OAuth2TokenPanel gets, shows and clears the cached token, and token fields have an
/// Inspect button opening the JWT inspector. These need setOAuthServices(); `{{variables}}` in the fields
/// are resolved first, as sending does.
class AuthEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    AuthConfig auth() const;
    /// Shows `auth`; emits nothing.
    void setAuth(const AuthConfig &auth);
    /// What "Inherit" gives here, in words (e.g. "Bearer token, from the folder Admin").
    void setInheritedDescription(const QString &description);

    /// Lets the OAuth 2.0 form discover endpoints, run flows and show the cached token; `resolver`
    /// resolves `{{variables}}` in its fields as sending the request would.
    void setOAuthServices(const OAuthServices &services, VariableResolver resolver);
    /// The OAuth 2.0 configuration of the form with its variables resolved.
    OAuth2 resolvedOAuth2() const;
    /// Fills the OAuth 2.0 endpoints from the issuer's discovery document.
    void discover();
    /// Opens the JWT inspector on `token` (variables resolved), its keys taken from `issuer`.
    JwtInspectorDialog *inspectToken(const QString &token, const QString &issuer);

    /// "Basic", "Bearer token", …, and for Inherit "inherited": for the tab title.
    QString summary() const;

    QComboBox *typeBox() const { return m_type; }
    /// The field named `name` of the page shown ("username", "password", "token", "prefix", "name",
    /// "value", "domain", "accessKey", "secretKey", "sessionToken", "region", "service", "authUrl",
    /// "tokenUrl", "deviceAuthUrl", "clientId", "clientSecret", "scope", "audience", "resource",
    /// "redirectPath", "headerPrefix", "accessToken", "issuer", "refreshToken"), or null.
    QLineEdit *field(const QString &name) const;
    QComboBox *apiKeyLocationBox() const { return m_apiKeyIn; }
    QComboBox *grantBox() const { return m_grant; }
    QComboBox *pkceBox() const { return m_pkce; }
    QComboBox *clientAuthBox() const { return m_clientAuth; }
    QSpinBox *redirectPortBox() const { return m_redirectPort; }
    QLabel *literalSecretNote() const { return m_literalNote; }
    KeyValueTableModel *extraParamsModel() const { return m_extraParams; }
    QPushButton *discoverButton() const { return m_discover; }
    QLabel *discoverNote() const { return m_discoverNote; }
    OAuth2TokenPanel *tokenPanel() const { return m_tokenPanel; }
    /// The Inspect button beside the token field `name` ("token" of Bearer, "accessToken" of OAuth 2.0).
    QToolButton *inspectButton(const QString &name) const { return m_inspectButtons.value(name); }
    /// The JWT inspector the Inspect buttons opened, while it is open.
    JwtInspectorDialog *inspector() const;

Q_SIGNALS:
    void authEdited();

private:
    QWidget *page(const QList<std::pair<QString, QString>> &fields, const QStringList &secret);
    QWidget *createApiKeyPage();
    QWidget *createOAuth2Page();
    QLineEdit *addField(
        QWidget *page, const QString &name, const QString &label, bool secret, QWidget *beside = nullptr);
    QToolButton *makeInspectButton(QWidget *page, const QString &name);
    /// The widget of `edit`'s row (the edit, or the box holding it and its button).
    QWidget *rowWidget(QLineEdit *edit) const;
    void updateState();
    void edited();

    AuthConfig m_auth;
    QComboBox *m_type;
    QStackedWidget *m_pages;
    QLabel *m_inherited;
    QLabel *m_literalNote;
    QComboBox *m_apiKeyIn = nullptr;
    QComboBox *m_grant = nullptr;
    QComboBox *m_pkce = nullptr;
    QComboBox *m_clientAuth = nullptr;
    QSpinBox *m_redirectPort = nullptr;
    KeyValueTableModel *m_extraParams = nullptr;
    QFormLayout *m_oauthForm = nullptr;
    QPushButton *m_discover = nullptr;
    QLabel *m_discoverNote = nullptr;
    OAuth2TokenPanel *m_tokenPanel = nullptr;
    QHash<QString, QToolButton *> m_inspectButtons;
    QHash<QLineEdit *, QWidget *> m_rowWidgets;
    QPointer<OidcDiscovery> m_discovery;
    QPointer<JwtInspectorDialog> m_inspector;
    OAuthServices m_services;
    VariableResolver m_resolver;
    /// Per page index: its fields by name, and the secret ones.
    QList<QHash<QString, QLineEdit *>> m_fields;
    QList<QStringList> m_secretFields;
    bool m_updating = false;
};

} // namespace Sonde
