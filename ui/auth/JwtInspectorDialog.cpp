#include "auth/JwtInspectorDialog.h"

#include "auth/JwksFetcher.h"
#include "auth/JwsVerifier.h"
#include "auth/Jwt.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Sonde {

JwtInspectorDialog::JwtInspectorDialog(QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_network(network)
    , m_token(new QPlainTextEdit(this))
    , m_issuer(new QLineEdit(this))
    , m_check(new QPushButton(tr("Check &Signature"), this))
    , m_problem(new QLabel(this))
    , m_header(new QPlainTextEdit(this))
    , m_claims(new QPlainTextEdit(this))
    , m_times(new QLabel(this))
    , m_signature(new QLabel(this))
{
    setWindowTitle(tr("JWT Inspector"));
    resize(760, 640);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_token->setPlaceholderText(tr("Paste a JSON Web Token (header.claims.signature)"));
    m_token->setAccessibleName(tr("Token"));
    m_token->setFont(fixed);
    m_token->setMaximumHeight(100);
    for (QPlainTextEdit *view : {m_header, m_claims}) {
        view->setReadOnly(true);
        view->setFont(fixed);
    }
    m_header->setAccessibleName(tr("Header"));
    m_claims->setAccessibleName(tr("Claims"));
    m_issuer->setPlaceholderText(tr("The token's “iss”"));
    m_issuer->setAccessibleName(tr("Issuer"));
    for (QLabel *label : {m_problem, m_times, m_signature}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x20, 0x20));
    m_problem->setPalette(palette);
    m_problem->hide();
    m_check->setEnabled(network != nullptr);
    if (!network)
        m_check->setToolTip(tr("Signatures can be checked from the main window"));

    auto *issuerRow = new QHBoxLayout;
    issuerRow->addWidget(m_issuer, 1);
    issuerRow->addWidget(m_check);
    auto *form = new QFormLayout;
    form->addRow(tr("&Token:"), m_token);
    form->addRow(tr("Issuer:"), issuerRow);
    form->addRow(tr("Signature:"), m_signature);
    form->addRow(tr("Times:"), m_times);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *headerBox = new QWidget(split);
    auto *headerLayout = new QVBoxLayout(headerBox);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(new QLabel(tr("Header"), headerBox));
    headerLayout->addWidget(m_header);
    auto *claimsBox = new QWidget(split);
    auto *claimsLayout = new QVBoxLayout(claimsBox);
    claimsLayout->setContentsMargins(0, 0, 0, 0);
    claimsLayout->addWidget(new QLabel(tr("Claims"), claimsBox));
    claimsLayout->addWidget(m_claims);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_token, &QPlainTextEdit::textChanged, this, &JwtInspectorDialog::decode);
    connect(m_check, &QPushButton::clicked, this, &JwtInspectorDialog::checkSignature);
    decode();
}

void JwtInspectorDialog::setToken(const QString &token)
{
    m_token->setPlainText(token);
}

void JwtInspectorDialog::setIssuer(const QString &issuer)
{
    m_issuer->setText(issuer);
}

void JwtInspectorDialog::decode()
{
    m_signature->setText(tr("Not checked."));
    m_signature->setPalette(palette());
    const QString text = m_token->toPlainText().trimmed();
    QString problem;
    const auto jwt
        = text.isEmpty() ? std::nullopt : Jwt::decode(text, QDateTime::currentDateTimeUtc(), &problem);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!jwt) {
        m_header->clear();
        m_claims->clear();
        m_times->setText(tr("—"));
        m_tokenIssuer.clear();
        return;
    }
    m_header->setPlainText(QString::fromUtf8(QJsonDocument(jwt->header).toJson(QJsonDocument::Indented)));
    m_claims->setPlainText(QString::fromUtf8(QJsonDocument(jwt->claims).toJson(QJsonDocument::Indented)));
    m_tokenIssuer = jwt->claims.value(QStringLiteral("iss")).toString();
    m_issuer->setPlaceholderText(m_tokenIssuer.isEmpty() ? tr("The provider's issuer URL") : m_tokenIssuer);
    QStringList lines;
    for (const Jwt::TimeClaim &time : jwt->times) {
        const QString when = QLocale().toString(time.time.toLocalTime(), QLocale::LongFormat);
        QString relation;
        if (time.name == u"exp")
            relation = time.secondsFromNow > 0
                ? tr("expires in %1").arg(Jwt::describeDuration(time.secondsFromNow))
                : tr("expired %1 ago").arg(Jwt::describeDuration(-time.secondsFromNow));
        else
            relation = time.secondsFromNow > 0
                ? tr("in %1").arg(Jwt::describeDuration(time.secondsFromNow))
                : tr("%1 ago").arg(Jwt::describeDuration(-time.secondsFromNow));
        lines.append(QStringLiteral("%1: %2 (%3)").arg(time.name, when, relation));
    }
    m_times->setText(lines.isEmpty() ? tr("The token has no exp, nbf or iat.") : lines.join(u'\n'));
}

void JwtInspectorDialog::checkSignature()
{
    if (!m_network)
        return;
    const QString issuer = m_issuer->text().trimmed().isEmpty() ? m_tokenIssuer : m_issuer->text().trimmed();
    if (issuer.isEmpty()) {
        showSignature(
            tr("Give the issuer whose keys should verify the token (the token names none)."), false);
        return;
    }
    delete m_fetcher;
    m_fetcher = new JwksFetcher(m_network, this);
    const QString token = m_token->toPlainText();
    connect(
        m_fetcher, &JwksFetcher::finished, this, [this, token](const QJsonObject &jwks, const QString &uri) {
            const JwsVerification result = JwsVerifier::verify(token, jwks);
            showSignature(result.message + u' ' + tr("Keys from %1.").arg(uri), result.isValid());
        });
    connect(m_fetcher, &JwksFetcher::failed, this,
        [this](const QString &message) { showSignature(tr("Not checked: %1").arg(message), false); });
    m_signature->setText(tr("Fetching the keys of %1…").arg(issuer));
    m_fetcher->start(issuer);
}

void JwtInspectorDialog::showSignature(const QString &text, bool good)
{
    m_signature->setText(text);
    QPalette colors = palette();
    colors.setColor(QPalette::WindowText, good ? QColor(0x1a, 0x7f, 0x37) : QColor(0xc0, 0x20, 0x20));
    m_signature->setPalette(colors);
}

} // namespace Sonde
