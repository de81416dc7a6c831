#pragma once

#include "model/Request.h"

#include <QAbstractTableModel>

namespace Sonde {

/// A request's captures as a table: enabled, variable, source (JSONPath, header, status), expression.
/// After a response, each enabled capture stores a value from it into the variable.
class CapturesTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, VariableColumn, SourceColumn, ExpressionColumn, ColumnCount };

    explicit CapturesTableModel(QObject *parent = nullptr);

    QList<ResponseCapture> captures() const { return m_captures; }
    /// Replaces every row; emits modelReset, not edited().
    void setCaptures(const QList<ResponseCapture> &captures);
    /// Appends a JSONPath capture and returns its row.
    int addCapture();
    void removeCapture(int row);

    /// "JSONPath", "Header", "Status".
    static QString sourceName(ResponseCapture::Source source);
    static QStringList sourceNames();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void edited();

private:
    QList<ResponseCapture> m_captures;
};

} // namespace Sonde
