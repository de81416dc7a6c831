// bench_workspace: a generated workspace of 10,000 requests in 500 folders, loaded from disk, then
// opened in the sidebar (load + tree shown). Prints BENCH lines; not a test.
#include "storage/WorkspaceStore.h"
#include "workspace/WorkspaceController.h"
#include "workspace/WorkspaceSidebar.h"
#include "workspace/WorkspaceTreeModel.h"

#include <QApplication>
#include <QTreeView>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <malloc.h>

#include <algorithm>
#include <cstdio>

using namespace Sonde;

namespace {

qint64 residentKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

Workspace generate(int collections, int foldersPerCollection, int requestsPerFolder)
{
    Workspace workspace;
    workspace.name = QStringLiteral("Bench");
    workspace.environments = {{QStringLiteral("local"), {{"base", "http://127.0.0.1:8080"}, {"token", "", true, true}}}};
    const QStringList methods {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("DELETE")};
    for (int c = 0; c < collections; ++c) {
        Folder collection;
        collection.name = QStringLiteral("Service %1").arg(c);
        collection.variables = {{"version", "v1"}};
        for (int f = 0; f < foldersPerCollection; ++f) {
            Folder folder;
            folder.name = QStringLiteral("Resource %1").arg(f);
            folder.headers = {{"Accept", "application/json"}};
            for (int r = 0; r < requestsPerFolder; ++r) {
                Request request;
                request.name = QStringLiteral("Operation %1").arg(r);
                request.method = methods.at(r % methods.size());
                request.url = QStringLiteral("{{base}}/{{version}}/resource%1/items/%2?page=1&limit=20").arg(f).arg(r);
                request.params = {{"page", "1"}, {"limit", "20"}};
                request.headers = {{"Authorization", "Bearer {{token}}"}, {"X-Request", QString::number(r)}};
                if (request.method != u"GET" && request.method != u"DELETE")
                    request.body = {Body::Kind::Raw, QStringLiteral("application/json"),
                                    "{\n  \"name\": \"item\",\n  \"count\": 3,\n  \"tags\": [\"a\", \"b\"]\n}\n"};
                request.sortKey = r * 10;
                folder.requests.append(request);
            }
            collection.folders.append(folder);
        }
        workspace.collections.append(collection);
    }
    return workspace;
}

void print(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.1f %s\n", metric, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    // 10 collections × 50 folders × 20 requests = 10,000 requests in 500 folders.
    Workspace workspace = generate(10, 50, 20);
    if (!WorkspaceStore::save(dir.path(), workspace).isEmpty()) {
        std::fprintf(stderr, "could not write the workspace\n");
        return 1;
    }
    const qint64 rssBefore = residentKiB("VmRSS");
    QList<double> times;
    int requests = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const LoadedWorkspace loaded = WorkspaceStore::load(dir.path());
        times.append(timer.nsecsElapsed() / 1e6);
        requests = 0;
        for (const Folder &collection : loaded.workspace.collections)
            for (const Folder &folder : collection.folders)
                requests += int(folder.requests.size());
    }
    std::sort(times.begin(), times.end());
    std::fprintf(stderr, "loaded %d requests\n", requests);
    print("load_workspace_10k_ms", times.at(times.size() / 2), "ms");
    print("load_workspace_10k_rss_mb", (residentKiB("VmHWM") - rssBefore) / 1024.0, "MB");

    // Load + tree shown: a sidebar in a window, timed until its model holds the tree and the view has
    // laid out and painted it.
    QList<double> openTimes;
    // What the load-only runs freed goes back to the system first, or the allocator would reuse it and
    // the growth would not show.
    malloc_trim(0);
    const qint64 rssBeforeOpen = residentKiB("VmRSS");
    qint64 openRss = 0;
    for (int run = 0; run < 5; ++run) {
        WorkspaceController controller(nullptr);
        WorkspaceSidebar sidebar(&controller);
        sidebar.resize(320, 900);
        sidebar.show();
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        if (!controller.open(dir.path()).isEmpty())
            return 1;
        while (sidebar.model()->rowCount() == 0)
            QCoreApplication::processEvents();
        sidebar.view()->expand(sidebar.view()->model()->index(0, 0));
        sidebar.view()->viewport()->repaint();
        QCoreApplication::processEvents();
        openTimes.append(timer.nsecsElapsed() / 1e6);
        openRss = std::max(openRss, residentKiB("VmRSS") - rssBeforeOpen);
    }
    std::sort(openTimes.begin(), openTimes.end());
    print("open_workspace_10k_ms", openTimes.at(openTimes.size() / 2), "ms");
    print("open_workspace_10k_rss_mb", openRss / 1024.0, "MB");

    return 0;
}
