#pragma once

#include <QFile>
#include <QString>
#include <QTest>

/// Compares `actual` (a QByteArray of UTF-8 text) with the golden file at `path` (a QString) in the
/// calling test function. With SONDE_REGENERATE=1 in the environment it rewrites the file instead and
/// the test function returns.
#define SONDE_COMPARE_GOLDEN(actual, path)                                                                   \
    do {                                                                                                     \
        QFile sondeGolden_(path);                                                                            \
        if (qEnvironmentVariableIntValue("SONDE_REGENERATE") == 1) {                                         \
            QVERIFY2(sondeGolden_.open(QIODevice::WriteOnly | QIODevice::Truncate),                          \
                qPrintable(sondeGolden_.fileName()));                                                        \
            sondeGolden_.write(actual);                                                                      \
            return;                                                                                          \
        }                                                                                                    \
        QVERIFY2(sondeGolden_.open(QIODevice::ReadOnly), qPrintable(sondeGolden_.fileName()));               \
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(sondeGolden_.readAll()));                      \
    } while (false)
