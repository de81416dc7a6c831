#include "settings/AppSettings.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Sonde {

namespace {

const QString ThemeKey = QStringLiteral("app/theme");
const QString FontFamilyKey = QStringLiteral("app/editorFontFamily");
const QString FontSizeKey = QStringLiteral("app/editorFontSize");
const QString HighlightingThemeKey = QStringLiteral("app/highlightingTheme");
const QString TimeoutKey = QStringLiteral("app/defaultTimeoutMs");
const QString ProxyModeKey = QStringLiteral("app/proxy/mode");
const QString ProxyUrlKey = QStringLiteral("app/proxy/url");
const QString ProxyUserKey = QStringLiteral("app/proxy/user");
const QString CaFilesKey = QStringLiteral("app/caCertificateFiles");
const QString ClientCertificatesKey = QStringLiteral("app/clientCertificates");
const QString ThresholdKey = QStringLiteral("app/memoryThresholdMb");
const QString CtrlEnterKey = QStringLiteral("app/sendOnCtrlEnter");

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::System: return QStringLiteral("system");
    case AppSettings::Theme::Light: return QStringLiteral("light");
    case AppSettings::Theme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

QString proxyModeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::System: return QStringLiteral("system");
    case ProxySettings::Mode::Custom: return QStringLiteral("custom");
    case ProxySettings::Mode::Default:
    case ProxySettings::Mode::None: return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xef, 0xf0, 0xf1), base(0xff, 0xff, 0xff), text(0x23, 0x26, 0x29);
    const QColor highlight(0x2f, 0x6f, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xf7, 0xf7, 0xf8));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe0, 0xe1, 0xe3));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbb, 0xbe));
    p.setColor(QPalette::Dark, QColor(0x9a, 0x9d, 0xa1));
    p.setColor(QPalette::Shadow, QColor(0x47, 0x4a, 0x4d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight);
    p.setColor(QPalette::LinkVisited, QColor(0x7f, 0x3f, 0xbf));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa3, 0xa6));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2a, 0x2d, 0x31), base(0x1e, 0x20, 0x23), text(0xe3, 0xe5, 0xe8);
    const QColor highlight(0x3d, 0x7e, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x91, 0x98));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3e, 0x43));
    p.setColor(QPalette::Mid, QColor(0x24, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0e));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x73, 0x79));
    return p;
}

/// The style and palette the application started with, taken before the first change.
struct SystemLook
{
    QString styleName;
    QPalette palette;
};

const SystemLook &systemLook()
{
    static const SystemLook look {QApplication::style() ? QApplication::style()->name() : QString(),
                                  QApplication::palette()};
    return look;
}

} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    const QString theme = settings.value(ThemeKey, themeName(s.theme)).toString();
    s.theme = theme == u"light" ? Theme::Light : theme == u"dark" ? Theme::Dark : Theme::System;
    s.editorFontFamily = settings.value(FontFamilyKey).toString();
    s.editorFontSize = qBound(0, settings.value(FontSizeKey, 0).toInt(), 72);
    s.highlightingTheme = settings.value(HighlightingThemeKey).toString();
    s.defaultTimeoutMs = qBound(0, settings.value(TimeoutKey, s.defaultTimeoutMs).toInt(), 24 * 3600 * 1000);
    const QString mode = settings.value(ProxyModeKey).toString();
    s.defaultProxy.mode = mode == u"system"   ? ProxySettings::Mode::System
                          : mode == u"custom" ? ProxySettings::Mode::Custom
                                              : ProxySettings::Mode::None;
    s.defaultProxy.url = settings.value(ProxyUrlKey).toString();
    s.defaultProxy.user = settings.value(ProxyUserKey).toString();
    s.caCertificateFiles = settings.value(CaFilesKey).toStringList();
    // QSettings::beginReadArray() is not const; the entries are read through their full keys.
    const int count = settings.value(ClientCertificatesKey + QStringLiteral("/size")).toInt();
    for (int i = 1; i <= count; ++i) {
        const QString prefix = ClientCertificatesKey + u'/' + QString::number(i) + u'/';
        ClientCertificate certificate;
        certificate.host = settings.value(prefix + QStringLiteral("host")).toString();
        certificate.format = settings.value(prefix + QStringLiteral("format")).toString() == u"p12"
            ? ClientCertificate::Format::Pkcs12
            : ClientCertificate::Format::Pem;
        certificate.certificateFile = settings.value(prefix + QStringLiteral("certificate")).toString();
        certificate.keyFile = settings.value(prefix + QStringLiteral("key")).toString();
        if (!certificate.host.isEmpty())
            s.clientCertificates.append(certificate);
    }
    s.memoryThresholdMb = qBound(1, settings.value(ThresholdKey, s.memoryThresholdMb).toInt(), 4096);
    s.sendOnCtrlEnter = settings.value(CtrlEnterKey, true).toBool();
    return s;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(ThemeKey, themeName(theme));
    settings.setValue(FontFamilyKey, editorFontFamily);
    settings.setValue(FontSizeKey, editorFontSize);
    settings.setValue(HighlightingThemeKey, highlightingTheme);
    settings.setValue(TimeoutKey, defaultTimeoutMs);
    settings.setValue(ProxyModeKey, proxyModeName(defaultProxy.mode));
    settings.setValue(ProxyUrlKey, defaultProxy.url);
    settings.setValue(ProxyUserKey, defaultProxy.user);
    settings.setValue(CaFilesKey, caCertificateFiles);
    settings.remove(ClientCertificatesKey);
    settings.beginWriteArray(ClientCertificatesKey, int(clientCertificates.size()));
    for (int i = 0; i < clientCertificates.size(); ++i) {
        const ClientCertificate &certificate = clientCertificates.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("host"), certificate.host);
        settings.setValue(QStringLiteral("format"),
            certificate.format == ClientCertificate::Format::Pkcs12 ? QStringLiteral("p12")
                                                                    : QStringLiteral("pem"));
        settings.setValue(QStringLiteral("certificate"), certificate.certificateFile);
        settings.setValue(QStringLiteral("key"), certificate.keyFile);
    }
    settings.endArray();
    settings.setValue(ThresholdKey, memoryThresholdMb);
    settings.setValue(CtrlEnterKey, sendOnCtrlEnter);
    settings.sync();
}

std::optional<QFont> AppSettings::editorFont() const
{
    if (editorFontFamily.isEmpty() && editorFontSize <= 0)
        return std::nullopt;
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!editorFontFamily.isEmpty())
        font.setFamily(editorFontFamily);
    if (editorFontSize > 0)
        font.setPointSize(editorFontSize);
    return font;
}

QString clientCertificateSecretKey(const ClientCertificate &certificate)
{
    return QStringLiteral("sonde/settings/client-certificate/%1|%2")
        .arg(certificate.host, certificate.certificateFile);
}

void applyTheme(AppSettings::Theme theme)
{
    const SystemLook &system = systemLook();
    switch (theme) {
    case AppSettings::Theme::System:
        if (!system.styleName.isEmpty() && QApplication::style()->name() != system.styleName)
            QApplication::setStyle(QStyleFactory::create(system.styleName));
        QApplication::setPalette(system.palette);
        break;
    case AppSettings::Theme::Light:
    case AppSettings::Theme::Dark:
        // Platform styles may draw with their own colours; Fusion follows the palette everywhere.
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == AppSettings::Theme::Dark ? darkPalette() : lightPalette());
        break;
    }
}

} // namespace Sonde
