#include "request/AuthEditor.h"

#include "auth/JwtInspectorDialog.h"
#include "auth/OAuth2TokenPanel.h"
#include "auth/OidcDiscovery.h"
#include "request/KeyValueTableModel.h"
#include "request/KeyValueTableView.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Sonde {

namespace {

using Type = AuthConfig::Type;

const QList<std::pair<Type, const char *>> &types()
{
    static const QList<std::pair<Type, const char *>> list {
        {Type::Inherit, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "Inherit from parent")},
        {Type::None, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "No auth")},
        {Type::Basic, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "Basic")},
        {Type::Bearer, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "Bearer token")},
        {Type::ApiKey, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "API key")},
        {Type::Digest, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "Digest")},
        {Type::Ntlm, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "NTLM")},
        {Type::AwsSigV4, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "AWS Signature v4")},
        {Type::OAuth2, QT_TRANSLATE_NOOP("Sonde::AuthEditor", "OAuth 2.0")},
    };
    return list;
}

bool isReference(const QString &text)
{
    static const QRegularExpression reference(QStringLiteral("^\\s*\\{\\{[^{}]+\\}\\}\\s*$"));
    return text.isEmpty() || reference.match(text).hasMatch();
}

} // namespace

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_type(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_inherited(new QLabel(this))
    , m_literalNote(new QLabel(this))
{
    for (const auto &[type, name] : types())
        m_type->addItem(tr(name), int(type));
    m_type->setAccessibleName(tr("Auth type"));

    m_inherited->setWordWrap(true);
    m_pages->addWidget(page({}, {}));
    static_cast<QFormLayout *>(m_pages->widget(0)->layout())->addRow(m_inherited);
    auto *none = page({}, {});
    static_cast<QFormLayout *>(none->layout())
        ->addRow(new QLabel(tr("This request sends no credentials."), none));
    m_pages->addWidget(none);
    m_pages->addWidget(
        page({{QStringLiteral("username"), tr("User name:")}, {QStringLiteral("password"), tr("Password:")}},
            {QStringLiteral("password")}));
    QWidget *bearer = page({}, {QStringLiteral("token")});
    addField(bearer, QStringLiteral("token"), tr("Token:"), true,
        makeInspectButton(bearer, QStringLiteral("token")));
    addField(bearer, QStringLiteral("prefix"), tr("Prefix:"), false);
    m_pages->addWidget(bearer);
    m_pages->addWidget(createApiKeyPage());
    m_pages->addWidget(
        page({{QStringLiteral("username"), tr("User name:")}, {QStringLiteral("password"), tr("Password:")}},
            {QStringLiteral("password")}));
    m_pages->addWidget(
        page({{QStringLiteral("username"), tr("User name:")}, {QStringLiteral("password"), tr("Password:")},
                 {QStringLiteral("domain"), tr("Domain:")}},
            {QStringLiteral("password")}));
    m_pages->addWidget(page(
        {{QStringLiteral("accessKey"), tr("Access key:")}, {QStringLiteral("secretKey"), tr("Secret key:")},
            {QStringLiteral("sessionToken"), tr("Session token:")}, {QStringLiteral("region"), tr("Region:")},
            {QStringLiteral("service"), tr("Service:")}},
        {QStringLiteral("secretKey"), QStringLiteral("sessionToken")}));
    m_pages->addWidget(createOAuth2Page());

    m_literalNote->setText(tr("A secret field holds a value as written: it is stored in the file like that. "
                              "Use a secret variable, e.g. {{password}}."));
    m_literalNote->setWordWrap(true);
    QPalette palette = m_literalNote->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x5a, 0x00));
    m_literalNote->setPalette(palette);

    auto *top = new QFormLayout;
    top->addRow(tr("&Type:"), m_type);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_literalNote);

    connect(m_type, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    m_discover->setEnabled(false);
    setAuth({});
}

QWidget *AuthEditor::page(const QList<std::pair<QString, QString>> &fields, const QStringList &secret)
{
    auto *widget = new QWidget(m_pages);
    auto *form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields.append(QHash<QString, QLineEdit *>());
    m_secretFields.append(secret);
    for (const auto &[name, label] : fields)
        addField(widget, name, label, secret.contains(name));
    return widget;
}

QLineEdit *AuthEditor::addField(
    QWidget *page, const QString &name, const QString &label, bool secret, QWidget *beside)
{
    auto *edit = new QLineEdit(page);
    edit->setAccessibleName(label.chopped(1));
    if (secret)
        edit->setPlaceholderText(QStringLiteral("{{%1}}").arg(name));
    if (beside) {
        auto *row = new QWidget(page);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(edit, 1);
        layout->addWidget(beside);
        static_cast<QFormLayout *>(page->layout())->addRow(label, row);
        m_rowWidgets.insert(edit, row);
    } else {
        static_cast<QFormLayout *>(page->layout())->addRow(label, edit);
    }
    m_fields.last().insert(name, edit);
    connect(edit, &QLineEdit::textEdited, this, &AuthEditor::edited);
    return edit;
}

QToolButton *AuthEditor::makeInspectButton(QWidget *page, const QString &name)
{
    auto *button = new QToolButton(page);
    button->setText(tr("Inspect…"));
    button->setToolTip(tr("Decode this token as a JWT and check its signature"));
    const int index = m_pages->count();
    connect(button, &QToolButton::clicked, this, [this, index, name] {
        const QLineEdit *edit = m_fields.value(index).value(name);
        inspectToken(edit ? edit->text() : QString(),
            index == int(Type::OAuth2) ? resolvedOAuth2().issuer : QString());
    });
    m_inspectButtons.insert(name, button);
    return button;
}

QWidget *AuthEditor::rowWidget(QLineEdit *edit) const
{
    return m_rowWidgets.value(edit, edit);
}

QWidget *AuthEditor::createApiKeyPage()
{
    QWidget *widget
        = page({{QStringLiteral("name"), tr("Key name:")}, {QStringLiteral("value"), tr("Value:")}},
            {QStringLiteral("value")});
    m_apiKeyIn = new QComboBox(widget);
    m_apiKeyIn->addItem(tr("Header"), int(ApiKey::Location::Header));
    m_apiKeyIn->addItem(tr("Query parameter"), int(ApiKey::Location::Query));
    static_cast<QFormLayout *>(widget->layout())->addRow(tr("Send in:"), m_apiKeyIn);
    connect(m_apiKeyIn, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    return widget;
}

QWidget *AuthEditor::createOAuth2Page()
{
    QWidget *widget = page(
        {}, {QStringLiteral("clientSecret"), QStringLiteral("password"), QStringLiteral("accessToken")});
    auto *form = static_cast<QFormLayout *>(widget->layout());
    m_grant = new QComboBox(widget);
    m_grant->addItem(tr("Authorization code"), int(OAuth2::Grant::AuthorizationCode));
    m_grant->addItem(tr("Client credentials"), int(OAuth2::Grant::ClientCredentials));
    m_grant->addItem(tr("Password"), int(OAuth2::Grant::Password));
    m_grant->addItem(tr("Device code"), int(OAuth2::Grant::DeviceCode));
    m_grant->addItem(tr("Implicit (legacy)"), int(OAuth2::Grant::Implicit));
    m_grant->addItem(tr("Refresh token"), int(OAuth2::Grant::RefreshToken));
    form->addRow(tr("Grant:"), m_grant);
    m_discover = new QPushButton(tr("Discover"), widget);
    m_discover->setToolTip(tr("Fill the endpoints from the issuer's OpenID configuration"));
    QLineEdit *issuer = addField(widget, QStringLiteral("issuer"), tr("Issuer:"), false, m_discover);
    issuer->setPlaceholderText(tr("https://login.example.com (OpenID Connect discovery)"));
    m_discoverNote = new QLabel(widget);
    m_discoverNote->setWordWrap(true);
    form->addRow(QString(), m_discoverNote);
    form->setRowVisible(m_discoverNote, false);
    addField(widget, QStringLiteral("authUrl"), tr("Authorization URL:"), false);
    addField(widget, QStringLiteral("tokenUrl"), tr("Token URL:"), false);
    addField(widget, QStringLiteral("deviceAuthUrl"), tr("Device authorization URL:"), false);
    addField(widget, QStringLiteral("clientId"), tr("Client ID:"), false);
    addField(widget, QStringLiteral("clientSecret"), tr("Client secret:"), true);
    m_clientAuth = new QComboBox(widget);
    m_clientAuth->addItem(
        tr("In the Authorization header (client_secret_basic)"), int(OAuth2::ClientAuth::Basic));
    m_clientAuth->addItem(tr("In the request body (client_secret_post)"), int(OAuth2::ClientAuth::Post));
    form->addRow(tr("Client authentication:"), m_clientAuth);
    addField(widget, QStringLiteral("scope"), tr("Scope:"), false);
    addField(widget, QStringLiteral("audience"), tr("Audience:"), false);
    addField(widget, QStringLiteral("resource"), tr("Resource:"), false);
    m_pkce = new QComboBox(widget);
    m_pkce->addItem(tr("S256"), int(OAuth2::Pkce::S256));
    m_pkce->addItem(tr("plain"), int(OAuth2::Pkce::Plain));
    m_pkce->addItem(tr("None"), int(OAuth2::Pkce::None));
    form->addRow(tr("PKCE:"), m_pkce);
    m_redirectPort = new QSpinBox(widget);
    m_redirectPort->setRange(0, 65535);
    m_redirectPort->setSpecialValueText(tr("Any free port"));
    form->addRow(tr("Redirect port (127.0.0.1):"), m_redirectPort);
    addField(widget, QStringLiteral("redirectPath"), tr("Redirect path:"), false);
    addField(widget, QStringLiteral("username"), tr("User name:"), false);
    addField(widget, QStringLiteral("password"), tr("Password:"), true);
    addField(widget, QStringLiteral("refreshToken"), tr("Refresh token:"), true);
    m_extraParams = new KeyValueTableModel(this);
    auto *extraView = new KeyValueTableView(m_extraParams, widget);
    extraView->tableView()->setMinimumHeight(90);
    extraView->setMaximumHeight(110);
    form->addRow(tr("Extra parameters:"), extraView);
    addField(widget, QStringLiteral("headerPrefix"), tr("Header prefix:"), false);
    addField(widget, QStringLiteral("accessToken"), tr("Access token:"), true,
        makeInspectButton(widget, QStringLiteral("accessToken")));
    m_fields.last()
        .value(QStringLiteral("accessToken"))
        ->setToolTip(
            tr("Leave empty to send the token “Get New Token” fetched (cached in the keychain, refreshed "
               "automatically); or give one, usually a {{variable}}"));
    m_fields.last().value(QStringLiteral("accessToken"))->setPlaceholderText(tr("the cached token"));
    m_tokenPanel = new OAuth2TokenPanel(widget);
    m_tokenPanel->setConfigSource([this] { return resolvedOAuth2(); });
    connect(m_tokenPanel, &OAuth2TokenPanel::inspectRequested, this,
        [this](const QString &token, const QString &issuerUrl) { inspectToken(token, issuerUrl); });
    form->addRow(m_tokenPanel);
    for (QComboBox *box : {m_grant, m_clientAuth, m_pkce})
        connect(box, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    connect(m_redirectPort, &QSpinBox::valueChanged, this, &AuthEditor::edited);
    connect(m_extraParams, &KeyValueTableModel::rowsEdited, this, &AuthEditor::edited);
    connect(m_discover, &QPushButton::clicked, this, &AuthEditor::discover);
    m_oauthForm = form;
    // The longest form: it scrolls rather than squeezing the response below it.
    auto *scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(widget);
    return scroll;
}

QLineEdit *AuthEditor::field(const QString &name) const
{
    return m_fields.value(m_pages->currentIndex()).value(name);
}

void AuthEditor::setInheritedDescription(const QString &description)
{
    m_inherited->setText(description.isEmpty()
            ? tr("Uses the auth of the folder or collection above it.")
            : tr("Uses the auth of the folder or collection above it: %1.").arg(description));
}

QString AuthEditor::summary() const
{
    const Type type = Type(m_type->currentData().toInt());
    if (type == Type::Inherit)
        return tr("inherited");
    if (type == Type::None)
        return QString();
    return m_type->currentText();
}

void AuthEditor::setAuth(const AuthConfig &auth)
{
    const QScopedValueRollback guard(m_updating, true);
    m_auth = auth;
    m_type->setCurrentIndex(qMax(0, m_type->findData(int(auth.type))));
    const auto set = [this](int page, const QString &name, const QString &value) {
        if (QLineEdit *edit = m_fields.value(page).value(name))
            edit->setText(value);
    };
    set(int(Type::Basic), QStringLiteral("username"), auth.basic.username);
    set(int(Type::Basic), QStringLiteral("password"), auth.basic.password);
    set(int(Type::Bearer), QStringLiteral("token"), auth.bearer.token);
    set(int(Type::Bearer), QStringLiteral("prefix"), auth.bearer.prefix);
    set(int(Type::ApiKey), QStringLiteral("name"), auth.apiKey.name);
    set(int(Type::ApiKey), QStringLiteral("value"), auth.apiKey.value);
    m_apiKeyIn->setCurrentIndex(m_apiKeyIn->findData(int(auth.apiKey.in)));
    set(int(Type::Digest), QStringLiteral("username"), auth.digest.username);
    set(int(Type::Digest), QStringLiteral("password"), auth.digest.password);
    set(int(Type::Ntlm), QStringLiteral("username"), auth.ntlm.username);
    set(int(Type::Ntlm), QStringLiteral("password"), auth.ntlm.password);
    set(int(Type::Ntlm), QStringLiteral("domain"), auth.ntlm.domain);
    set(int(Type::AwsSigV4), QStringLiteral("accessKey"), auth.aws.accessKey);
    set(int(Type::AwsSigV4), QStringLiteral("secretKey"), auth.aws.secretKey);
    set(int(Type::AwsSigV4), QStringLiteral("sessionToken"), auth.aws.sessionToken);
    set(int(Type::AwsSigV4), QStringLiteral("region"), auth.aws.region);
    set(int(Type::AwsSigV4), QStringLiteral("service"), auth.aws.service);
    const OAuth2 &o = auth.oauth2;
    const int oauth = int(Type::OAuth2);
    m_grant->setCurrentIndex(m_grant->findData(int(o.grant)));
    set(oauth, QStringLiteral("issuer"), o.issuer);
    set(oauth, QStringLiteral("authUrl"), o.authUrl);
    set(oauth, QStringLiteral("tokenUrl"), o.tokenUrl);
    set(oauth, QStringLiteral("deviceAuthUrl"), o.deviceAuthUrl);
    set(oauth, QStringLiteral("clientId"), o.clientId);
    set(oauth, QStringLiteral("clientSecret"), o.clientSecret);
    set(oauth, QStringLiteral("scope"), o.scope);
    set(oauth, QStringLiteral("audience"), o.audience);
    set(oauth, QStringLiteral("resource"), o.resource);
    m_pkce->setCurrentIndex(m_pkce->findData(int(o.pkce)));
    m_redirectPort->setValue(o.redirectPort);
    set(oauth, QStringLiteral("redirectPath"), o.redirectPath);
    m_clientAuth->setCurrentIndex(m_clientAuth->findData(int(o.clientAuth)));
    set(oauth, QStringLiteral("username"), o.username);
    set(oauth, QStringLiteral("password"), o.password);
    set(oauth, QStringLiteral("refreshToken"), o.refreshToken);
    m_extraParams->setRows(o.extraParams);
    set(oauth, QStringLiteral("headerPrefix"), o.headerPrefix);
    set(oauth, QStringLiteral("accessToken"), o.accessToken);
    updateState();
}

AuthConfig AuthEditor::auth() const
{
    AuthConfig a = m_auth;
    a.type = Type(m_type->currentData().toInt());
    const auto get = [this](int page, const QString &name) {
        const QLineEdit *edit = m_fields.value(page).value(name);
        return edit ? edit->text() : QString();
    };
    a.basic = {
        get(int(Type::Basic), QStringLiteral("username")), get(int(Type::Basic), QStringLiteral("password"))};
    a.bearer
        = {get(int(Type::Bearer), QStringLiteral("token")), get(int(Type::Bearer), QStringLiteral("prefix"))};
    a.apiKey = {get(int(Type::ApiKey), QStringLiteral("name")),
        get(int(Type::ApiKey), QStringLiteral("value")), ApiKey::Location(m_apiKeyIn->currentData().toInt())};
    a.digest = {get(int(Type::Digest), QStringLiteral("username")),
        get(int(Type::Digest), QStringLiteral("password"))};
    a.ntlm = {get(int(Type::Ntlm), QStringLiteral("username")),
        get(int(Type::Ntlm), QStringLiteral("password")), get(int(Type::Ntlm), QStringLiteral("domain"))};
    a.aws = {get(int(Type::AwsSigV4), QStringLiteral("accessKey")),
        get(int(Type::AwsSigV4), QStringLiteral("secretKey")),
        get(int(Type::AwsSigV4), QStringLiteral("sessionToken")),
        get(int(Type::AwsSigV4), QStringLiteral("region")),
        get(int(Type::AwsSigV4), QStringLiteral("service"))};
    OAuth2 &o = a.oauth2;
    const int oauth = int(Type::OAuth2);
    o.grant = OAuth2::Grant(m_grant->currentData().toInt());
    o.issuer = get(oauth, QStringLiteral("issuer"));
    o.authUrl = get(oauth, QStringLiteral("authUrl"));
    o.tokenUrl = get(oauth, QStringLiteral("tokenUrl"));
    o.deviceAuthUrl = get(oauth, QStringLiteral("deviceAuthUrl"));
    o.clientId = get(oauth, QStringLiteral("clientId"));
    o.clientSecret = get(oauth, QStringLiteral("clientSecret"));
    o.scope = get(oauth, QStringLiteral("scope"));
    o.audience = get(oauth, QStringLiteral("audience"));
    o.resource = get(oauth, QStringLiteral("resource"));
    o.pkce = OAuth2::Pkce(m_pkce->currentData().toInt());
    o.redirectPort = m_redirectPort->value();
    o.redirectPath = get(oauth, QStringLiteral("redirectPath"));
    o.clientAuth = OAuth2::ClientAuth(m_clientAuth->currentData().toInt());
    o.username = get(oauth, QStringLiteral("username"));
    o.password = get(oauth, QStringLiteral("password"));
    o.refreshToken = get(oauth, QStringLiteral("refreshToken"));
    o.extraParams = m_extraParams->rows();
    o.headerPrefix = get(oauth, QStringLiteral("headerPrefix"));
    o.accessToken = get(oauth, QStringLiteral("accessToken"));
    return a;
}

void AuthEditor::edited()
{
    updateState();
    if (!m_updating)
        Q_EMIT authEdited();
}

void AuthEditor::updateState()
{
    const int page = m_type->currentIndex();
    m_pages->setCurrentIndex(page);
    bool literal = false;
    for (const QString &name : m_secretFields.value(page))
        literal = literal || !isReference(m_fields.value(page).value(name)->text());
    m_literalNote->setVisible(literal);
    if (page == int(Type::OAuth2)) {
        // Only the fields the chosen grant uses.
        const auto grant = OAuth2::Grant(m_grant->currentData().toInt());
        QFormLayout *form = m_oauthForm;
        const auto show = [this, form, page](const QString &name, bool visible) {
            form->setRowVisible(rowWidget(m_fields.value(page).value(name)), visible);
        };
        const bool code = grant == OAuth2::Grant::AuthorizationCode;
        const bool browser = code || grant == OAuth2::Grant::Implicit;
        show(QStringLiteral("authUrl"), browser);
        show(QStringLiteral("tokenUrl"), grant != OAuth2::Grant::Implicit);
        show(QStringLiteral("deviceAuthUrl"), grant == OAuth2::Grant::DeviceCode);
        show(QStringLiteral("clientSecret"), grant != OAuth2::Grant::Implicit);
        show(QStringLiteral("redirectPath"), browser);
        show(QStringLiteral("username"), grant == OAuth2::Grant::Password);
        show(QStringLiteral("password"), grant == OAuth2::Grant::Password);
        show(QStringLiteral("refreshToken"), grant == OAuth2::Grant::RefreshToken);
        form->setRowVisible(m_pkce, code);
        form->setRowVisible(m_redirectPort, browser);
        form->setRowVisible(m_clientAuth, grant != OAuth2::Grant::Implicit);
        m_tokenPanel->showCachedToken();
    }
}

void AuthEditor::setOAuthServices(const OAuthServices &services, VariableResolver resolver)
{
    m_services = services;
    m_resolver = std::move(resolver);
    m_discover->setEnabled(services.network != nullptr);
    m_tokenPanel->setServices(services);
}

OAuth2 AuthEditor::resolvedOAuth2() const
{
    AuthConfig config = auth();
    config.type = Type::OAuth2;
    if (!m_resolver)
        return config.oauth2;
    return config.mapped(m_resolver).oauth2;
}

void AuthEditor::discover()
{
    if (!m_services.network)
        return;
    const QString issuer = resolvedOAuth2().issuer.trimmed();
    const auto note = [this](const QString &text, bool error) {
        m_discoverNote->setText(text);
        QPalette palette = m_discoverNote->palette();
        palette.setColor(QPalette::WindowText,
            error ? QColor(0xc0, 0x20, 0x20) : this->palette().color(QPalette::WindowText));
        m_discoverNote->setPalette(palette);
        m_oauthForm->setRowVisible(m_discoverNote, true);
    };
    if (issuer.isEmpty()) {
        note(tr("Give the issuer URL first, e.g. https://login.example.com."), true);
        return;
    }
    delete m_discovery;
    m_discovery = new OidcDiscovery(m_services.network, this);
    m_discover->setEnabled(false);
    note(tr("Reading %1…").arg(OidcDiscovery::documentUrl(issuer)), false);
    connect(m_discovery, &OidcDiscovery::failed, this, [this, note](const QString &message) {
        m_discover->setEnabled(true);
        note(message, true);
    });
    connect(m_discovery, &OidcDiscovery::finished, this, [this, note](const OidcConfiguration &found) {
        m_discover->setEnabled(true);
        const int oauth = int(Type::OAuth2);
        const auto fill = [this, oauth](const char *name, const QString &value) {
            if (!value.isEmpty())
                m_fields.value(oauth).value(QLatin1String(name))->setText(value);
        };
        fill("authUrl", found.authorizationEndpoint);
        fill("tokenUrl", found.tokenEndpoint);
        fill("deviceAuthUrl", found.deviceAuthorizationEndpoint);
        note(tr("Endpoints filled from the OpenID configuration of %1.").arg(found.issuer), false);
        edited();
    });
    m_discovery->start(issuer);
}

JwtInspectorDialog *AuthEditor::inspector() const
{
    return m_inspector;
}

JwtInspectorDialog *AuthEditor::inspectToken(const QString &token, const QString &issuer)
{
    if (!m_inspector) {
        m_inspector = new JwtInspectorDialog(m_services.network, this);
        m_inspector->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_inspector->setIssuer(issuer);
    m_inspector->setToken(m_resolver ? m_resolver(token) : token);
    m_inspector->show();
    m_inspector->raise();
    if (!issuer.isEmpty() && m_services.network)
        m_inspector->checkSignature();
    return m_inspector;
}

} // namespace Sonde
