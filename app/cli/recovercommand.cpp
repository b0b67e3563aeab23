// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 PoolPlanner developers
// `recover DAMAGED NEW`: what can still be read of a damaged workspace, into a new one (built with the window's
// libraries, which hold the workspace).
#include "commands.h"
#include "options.h"

#include "workspacerecovery.h"

#include <cstdio>

namespace pp::cli {

int recover(const std::vector<std::string>& args)
{
    const Options options(args, {}, {}, 2);
    if (!options.error().empty())
        return usageError(options.error());
    if (options.positional().size() != 2)
        return usageError("recover needs the damaged workspace and the new file to write: recover DAMAGED NEW");
    QString summary;
    QString error;
    if (!recoverWorkspace(QString::fromStdString(options.positional()[0]),
            QString::fromStdString(options.positional()[1]), &summary, &error))
        return inputError({"recover", 0, error.toStdString()}); // the message names the file already
    std::printf("%s\n", summary.toUtf8().constData());
    std::fprintf(stderr, "recovered into %s; %s is as it was\n", options.positional()[1].c_str(),
        options.positional()[0].c_str());
    return 0;
}

} // namespace pp::cli
