#pragma once

#include "auth/AuthConfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace Sonde {

class KeyValueTableModel;

/// The Auth tab of a request, a folder or a collection: the scheme and its fields.
///
/// Switching schemes keeps what was typed for the others (only the chosen one is saved). Secret fields
/// (passwords, tokens, keys, client secrets) are meant to hold `{{secret variable}}` references; when one
/// holds a literal value a note says that it is stored in the file as written.
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

    /// "Basic", "Bearer token", …, and for Inherit "inherited": for the tab title.
    QString summary() const;

    QComboBox *typeBox() const { return m_type; }
    /// The field named `name` of the page shown ("username", "password", "token", "prefix", "name",
    /// "value", "domain", "accessKey", "secretKey", "sessionToken", "region", "service", "authUrl",
    /// "tokenUrl", "deviceAuthUrl", "clientId", "clientSecret", "scope", "audience", "resource",
    /// "redirectPath", "headerPrefix", "accessToken"), or null.
    QLineEdit *field(const QString &name) const;
    QComboBox *apiKeyLocationBox() const { return m_apiKeyIn; }
    QComboBox *grantBox() const { return m_grant; }
    QComboBox *pkceBox() const { return m_pkce; }
    QComboBox *clientAuthBox() const { return m_clientAuth; }
    QSpinBox *redirectPortBox() const { return m_redirectPort; }
    QLabel *literalSecretNote() const { return m_literalNote; }

Q_SIGNALS:
    void authEdited();

private:
    QWidget *page(const QList<std::pair<QString, QString>> &fields, const QStringList &secret);
    QWidget *createApiKeyPage();
    QWidget *createOAuth2Page();
    QLineEdit *addField(QWidget *page, const QString &name, const QString &label, bool secret);
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
    /// Per page index: its fields by name, and the secret ones.
    QList<QHash<QString, QLineEdit *>> m_fields;
    QList<QStringList> m_secretFields;
    bool m_updating = false;
};

} // namespace Sonde
