namespace Smile.Site.Cli;

/// <summary>The command and its options: <c>build|serve|check [--option value] [--flag]</c>.</summary>
internal sealed record CommandLine(string Command, IReadOnlyDictionary<string, string> Options, IReadOnlySet<string> Flags)
{
    private static readonly HashSet<string> KnownFlags = ["--quiet", "--full", "--no-minify", "--help"];
    private static readonly HashSet<string> KnownOptions = ["--api", "--snapshot", "--record", "--out", "--theme", "--base-url", "--cultures", "--port", "--pagefind", "--state"];

    public string? this[string name] => Options.GetValueOrDefault(name);

    public bool Has(string flag) => Flags.Contains(flag);

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("Say what to do: build, serve or check.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (KnownFlags.Contains(args[i]))
            {
                flags.Add(args[i]);
            }
            else if (KnownOptions.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"'{args[i]}' is not an option of smile-site{(KnownOptions.Contains(args[i]) ? " without a value" : "")}. Options: {string.Join(", ", KnownOptions.Concat(KnownFlags).Order(StringComparer.Ordinal))}.");
            }
        }

        return new CommandLine(args[0], options, flags);
    }
}
