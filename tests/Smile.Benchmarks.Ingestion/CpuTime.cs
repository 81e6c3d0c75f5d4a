using System.Diagnostics;
using System.Globalization;

namespace Smile.Benchmarks.Ingestion;

/// <summary>
/// CPU time the parts spent, read from /proc: on a shared machine a rate in messages per second moves with
/// whatever else runs, the CPU seconds each part needed per message hardly do.
/// </summary>
internal sealed record CpuTime(TimeSpan Cms, TimeSpan Database, TimeSpan Broker)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>This process (the CMS and, for SQLite, the database too), PostgreSQL's server processes on that port, the broker.</summary>
    public static CpuTime Now(int? postgresPort, int brokerProcessId) => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        postgresPort is { } port ? Postgres(port) : TimeSpan.Zero,
        Of(brokerProcessId, children: false));

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Cms - before.Cms, after.Database - before.Database, after.Broker - before.Broker);

    private static TimeSpan Postgres(int port)
    {
        var postmaster = Processes().FirstOrDefault(pid => IsPostmasterOn(pid, port));
        if (postmaster == 0)
        {
            return TimeSpan.Zero;
        }

        // Live backends count themselves; those that ended are in the postmaster's own children's time.
        return Processes().Where(pid => Stat(pid) is { } stat && stat[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            .Aggregate(Of(postmaster, children: true), (sum, pid) => sum + Of(pid, children: false));
    }

    private static bool IsPostmasterOn(int pid, int port)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments[0].EndsWith("/postgres", StringComparison.Ordinal)
                && arguments.Zip(arguments.Skip(1)).Contains(("-p", port.ToString(CultureInfo.InvariantCulture)));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static TimeSpan Of(int pid, bool children)
    {
        if (Stat(pid) is not { } stat)
        {
            return TimeSpan.Zero;
        }

        // After the command name: state, ppid, ... utime is field 14 of the line, stime 15, cutime 16, cstime 17.
        var ticks = long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture);
        if (children)
        {
            ticks += long.Parse(stat[13], CultureInfo.InvariantCulture) + long.Parse(stat[14], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The fields after the command name (which may hold spaces): [0] state, [1] ppid, ...</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);
}
