using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Smile.Storage.Postgres;

/// <summary>Used by <c>dotnet ef migrations add</c> only; no server is contacted.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<SmileDbContext>
{
    public SmileDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SmileDbContext>();
        PostgresStorage.Configure(options, "Host=localhost;Database=smile_design");
        return new SmileDbContext(options.Options);
    }
}
