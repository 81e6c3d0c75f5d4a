using Smile.Cms.Startup;
using Smile.Content.Security;
using Smile.Recipes;

namespace Smile.Cms.Commands;

/// <summary>
/// <c>dotnet run --project cms/Smile.Cms -- recipe import &lt;file&gt;</c>: imports content types, roles and content
/// into the database in one transaction, while the CMS runs; every node's schema follows within a request.
/// </summary>
public static class RecipeCommand
{
    public const string Name = "recipe";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["import", var path])
        {
            await Console.Error.WriteLineAsync("Usage: recipe import <file>");
            return 2;
        }

        // The same start-up work as the server (migrations, seed), without listening.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        try
        {
            var result = await app.Services.GetRequiredService<RecipeImporter>().ImportFileAsync(Path.GetFullPath(path), Actor.System);
            Console.WriteLine($"Recipe {path} imported: {result.TypesChanged} content types changed, {result.RolesImported} roles, {result.Created} items created, {result.Updated} updated, {result.Unchanged} unchanged.");
            return 0;
        }
        catch (Exception ex) when (ex is RecipeException or IOException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
