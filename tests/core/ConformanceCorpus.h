#pragma once

#include <QDir>
#include <QFile>
#include <QString>

/// The shared conformance corpus: $SONDE_CORPUS, else $SONDE_CORPUS_DEFAULT (set by CTest), else
/// ../shared/corpus next to the source tree. Empty when none of them exists.
inline QString conformanceCorpus()
{
    for (const QString &candidate :
        {qEnvironmentVariable("SONDE_CORPUS"), qEnvironmentVariable("SONDE_CORPUS_DEFAULT"),
            QStringLiteral(SONDE_SOURCE_DIR "/../shared/corpus")}) {
        if (!candidate.isEmpty() && QDir(candidate).exists())
            return QDir(candidate).absolutePath();
    }
    return {};
}

inline QByteArray readCorpusFile(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? file.readAll() : QByteArray();
}
