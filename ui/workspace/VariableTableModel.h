#pragma once

#include "model/Variable.h"

#include <QAbstractTableModel>

namespace Sonde {

/// The variables of one environment as a table: name, value, secret, enabled.
///
/// Secret values are shown masked unless revealed; editing always works on the real value.
class VariableTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SecretColumn, EnabledColumn, ColumnCount };
    static constexpr auto Mask = u"••••••••";

    explicit VariableTableModel(QObject *parent = nullptr);

    VariableList variables() const { return m_variables; }
    void setVariables(const VariableList &variables);
    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_revealed; }

    /// Appends an empty variable and returns its row.
    int addVariable();
    void removeVariable(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void edited();

private:
    VariableList m_variables;
    bool m_revealed = false;
};

} // namespace Sonde
