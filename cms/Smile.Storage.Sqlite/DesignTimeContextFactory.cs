using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Smile.Storage.Sqlite;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SmileDbContext>
{
    public SmileDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SmileDbContext>();
        SqliteStorage.Configure(options, "Data Source=design-time.db");
        return new SmileDbContext(options.Options);
    }
}
