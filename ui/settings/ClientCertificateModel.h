#pragma once

#include "http/ClientCertificate.h"

#include <QAbstractTableModel>

namespace Sonde {

/// The client certificate entries of the Settings dialog, one row each: host pattern, format,
/// certificate file and key file. The passphrases are kept but never shown.
class ClientCertificateModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { HostColumn, FormatColumn, CertificateColumn, KeyColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    QList<ClientCertificate> certificates() const { return m_certificates; }
    void setCertificates(const QList<ClientCertificate> &certificates);
    ClientCertificate certificate(int row) const { return m_certificates.value(row); }
    void append(const ClientCertificate &certificate);
    void replace(int row, const ClientCertificate &certificate);
    void remove(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ClientCertificate> m_certificates;
};

} // namespace Sonde
