#include "workspace/EnvironmentSelector.h"

#include "workspace/WorkspaceController.h"

#include <QSignalBlocker>

namespace Sonde {

namespace {

enum class Entry { None, Environment, Manage };

} // namespace

EnvironmentSelector::EnvironmentSelector(WorkspaceController *controller, QWidget *parent)
    : QComboBox(parent)
    , m_controller(controller)
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("The environment whose variables requests use"));
    connect(controller, &WorkspaceController::environmentsChanged, this, &EnvironmentSelector::repopulate);
    connect(controller, &WorkspaceController::activeEnvironmentChanged, this, &EnvironmentSelector::repopulate);
    connect(this, &QComboBox::activated, this, &EnvironmentSelector::onActivated);
    repopulate();
}

void EnvironmentSelector::repopulate()
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("No environment"), int(Entry::None));
    for (const Environment &environment : m_controller->workspace().environments) {
        addItem(environment.name, int(Entry::Environment));
        if (environment.name == m_controller->activeEnvironment())
            setCurrentIndex(count() - 1);
    }
    insertSeparator(count());
    addItem(tr("Manage environments…"), int(Entry::Manage));
    setEnabled(m_controller->isOpen());
}

void EnvironmentSelector::onActivated(int index)
{
    switch (Entry(itemData(index).toInt())) {
    case Entry::None:
        m_controller->setActiveEnvironment({});
        break;
    case Entry::Environment:
        m_controller->setActiveEnvironment(itemText(index));
        break;
    case Entry::Manage:
        repopulate(); // back to the active environment
        Q_EMIT manageRequested();
        break;
    }
}

} // namespace Sonde
