// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// peakrss COMMAND [ARGS...]: runs COMMAND with its output sent to /dev/null and prints
// "<wall nanoseconds> <peak RSS in KiB> <exit code>". A separate small program without Qt, because
// a child's peak RSS as the kernel reports it includes the memory of the process it was forked
// from until it calls exec: measured from the benchmark itself, every tool would seem to use at
// least the benchmark's own memory.
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: peakrss COMMAND [ARGS...]\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0)
        return 2;
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0)
        return 2;
    const auto elapsed = std::chrono::steady_clock::now() - start;
    std::printf("%lld %ld %d\n", static_cast<long long>(std::chrono::nanoseconds(elapsed).count()),
        usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}
