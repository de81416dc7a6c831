#pragma once

#include <QComboBox>

namespace Sonde {

/// The HTTP method box: the standard methods to pick from, and free text for a custom method.
///
/// Text that is not a valid method token (RFC 9110) gets a red frame and a tooltip saying why; it can
/// still be sent, and the engine then reports the error.
class MethodBox final : public QComboBox
{
    Q_OBJECT
public:
    explicit MethodBox(QWidget *parent = nullptr);

    /// The method as typed, without surrounding spaces.
    QString method() const;
    /// Shows `method`; emits nothing.
    void setMethod(const QString &method);
    bool isMethodValid() const { return m_valid; }

    /// Wide enough for the standard methods and for the method typed, up to a limit.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

Q_SIGNALS:
    /// The user picked or typed a method.
    void methodEdited();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void validate();

    bool m_valid = true;
};

} // namespace Sonde
