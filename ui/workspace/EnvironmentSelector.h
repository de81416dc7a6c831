#pragma once

#include <QComboBox>

namespace Sonde {

class WorkspaceController;

/// The toolbar's environment box: "No environment", the workspace's environments, and "Manage
/// environments…", which asks for the editor instead of selecting anything. Follows the controller.
class EnvironmentSelector final : public QComboBox
{
    Q_OBJECT
public:
    explicit EnvironmentSelector(WorkspaceController *controller, QWidget *parent = nullptr);

Q_SIGNALS:
    void manageRequested();

private:
    void repopulate();
    void onActivated(int index);

    WorkspaceController *m_controller;
};

} // namespace Sonde
