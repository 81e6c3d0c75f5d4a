namespace Smile.Benchmarks.Soak;

internal static class Repository
{
    /// <summary>The folder holding Smile.sln, found upwards from the build output.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Smile.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
