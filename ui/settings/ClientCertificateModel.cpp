#include "settings/ClientCertificateModel.h"

#include <QFileInfo>

namespace Sonde {

void ClientCertificateModel::setCertificates(const QList<ClientCertificate> &certificates)
{
    beginResetModel();
    m_certificates = certificates;
    endResetModel();
}

void ClientCertificateModel::append(const ClientCertificate &certificate)
{
    const int row = int(m_certificates.size());
    beginInsertRows({}, row, row);
    m_certificates.append(certificate);
    endInsertRows();
}

void ClientCertificateModel::replace(int row, const ClientCertificate &certificate)
{
    if (row < 0 || row >= m_certificates.size())
        return;
    m_certificates[row] = certificate;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ClientCertificateModel::remove(int row)
{
    if (row < 0 || row >= m_certificates.size())
        return;
    beginRemoveRows({}, row, row);
    m_certificates.removeAt(row);
    endRemoveRows();
}

int ClientCertificateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_certificates.size());
}

int ClientCertificateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientCertificateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClientCertificate &c = m_certificates.at(index.row());
    const bool pkcs12 = c.format == ClientCertificate::Format::Pkcs12;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case HostColumn:
            return c.host;
        case FormatColumn:
            return pkcs12 ? tr("PKCS#12") : tr("PEM");
        case CertificateColumn:
            return QFileInfo(c.certificateFile).fileName();
        case KeyColumn:
            if (pkcs12)
                return tr("(in the PKCS#12 file)");
            return c.keyFile.isEmpty() ? tr("(in the certificate file)") : QFileInfo(c.keyFile).fileName();
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case CertificateColumn:
            return c.certificateFile;
        case KeyColumn:
            return pkcs12 ? QVariant() : QVariant(c.keyFile);
        case HostColumn:
            return tr("Presented to HTTPS requests whose host matches this pattern");
        default:
            break;
        }
    }
    return {};
}

QVariant ClientCertificateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case HostColumn:
        return tr("Host");
    case FormatColumn:
        return tr("Type");
    case CertificateColumn:
        return tr("Certificate");
    case KeyColumn:
        return tr("Key");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Sonde
