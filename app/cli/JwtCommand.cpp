#include "JwtCommand.h"

#include "auth/Jwt.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace {

constexpr int ExitNotJwt = 1;
constexpr int ExitUsage = 2;

int usageError(const QString &message)
{
    std::fprintf(stderr, "sonde-cli jwt: %s\n", qPrintable(message));
    return ExitUsage;
}

void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

QString timeLeft(const Sonde::Jwt::TimeClaim &claim)
{
    const QString span = Sonde::Jwt::describeDuration(claim.secondsFromNow);
    if (claim.name == u"exp")
        return claim.secondsFromNow > 0 ? QStringLiteral("expires in %1").arg(span)
                                        : QStringLiteral("expired %1 ago").arg(span);
    if (claim.name == u"nbf" && claim.secondsFromNow > 0)
        return QStringLiteral("not valid for another %1").arg(span);
    return claim.secondsFromNow > 0 ? QStringLiteral("in %1").arg(span) : QStringLiteral("%1 ago").arg(span);
}

} // namespace

int runJwtCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Decode a JSON Web Token: its header, claims and times. The signature is not verified."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("decode"), QStringLiteral("The action: decode."));
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The JWT, or - to read it from stdin."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOption(jsonOption);
    if (!parser.parse(QStringList {QStringLiteral("sonde-cli jwt")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.first() != u"decode")
        return usageError(QStringLiteral("usage: sonde-cli jwt decode [--json] TOKEN"));
    QString token = positional.at(1);
    if (token == u"-") {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return usageError(QStringLiteral("cannot read standard input"));
        token = QString::fromUtf8(input.readAll());
    }
    QString problem;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto jwt = Sonde::Jwt::decode(token, now, &problem);
    if (!jwt) {
        std::fprintf(stderr, "sonde-cli jwt: not a JWT: %s\n", qPrintable(problem));
        return ExitNotJwt;
    }
    if (parser.isSet(jsonOption)) {
        QJsonObject times;
        for (const auto &claim : jwt->times) {
            times.insert(claim.name, QJsonObject {{QStringLiteral("date"), claim.time.toString(Qt::ISODate)},
                                         {QStringLiteral("secondsFromNow"), claim.secondsFromNow}});
        }
        const QJsonObject result {{QStringLiteral("header"), jwt->header}, {QStringLiteral("claims"), jwt->claims},
            {QStringLiteral("times"), times}, {QStringLiteral("signatureBytes"), jwt->signature.size()},
            {QStringLiteral("signatureVerified"), false}};
        writeOut(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)));
        return 0;
    }
    QString text = QStringLiteral("Header:\n") + QString::fromUtf8(QJsonDocument(jwt->header).toJson())
                   + QStringLiteral("Claims:\n") + QString::fromUtf8(QJsonDocument(jwt->claims).toJson());
    if (!jwt->times.isEmpty()) {
        text += QStringLiteral("Times (UTC):\n");
        for (const auto &claim : jwt->times)
            text += QStringLiteral("  %1  %2  (%3)\n").arg(claim.name, claim.time.toString(Qt::ISODate), timeLeft(claim));
    }
    text += QStringLiteral("Signature: %1 bytes, not verified\n").arg(jwt->signature.size());
    writeOut(text);
    return 0;
}
