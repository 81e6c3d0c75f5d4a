using Smile.Cms;
using Smile.Cms.Commands;
using Smile.Cms.Startup;
using Smile.Storage.Schema;

var builder = WebApplication.CreateBuilder(args);
builder.AddSmileCms();

var app = builder.Build();
if (args is [ApiKeyCommand.Name, .. var command])
{
    return await ApiKeyCommand.RunAsync(app, command);
}

if (args is [SearchCommand.Name, .. var searchCommand])
{
    return await SearchCommand.RunAsync(app, searchCommand);
}

if (args is [BackupCommand.Name, .. var backupCommand])
{
    return await BackupCommand.RunAsync(app, backupCommand);
}

if (args is [RestoreCommand.Name, .. var restoreCommand])
{
    return await RestoreCommand.RunAsync(app, restoreCommand);
}

if (args is [RecipeCommand.Name, .. var recipeCommand])
{
    return await RecipeCommand.RunAsync(app, recipeCommand);
}

app.UseSmileCms();
try
{
    await app.RunAsync();
}
catch (DatabaseNewerThanApplicationException)
{
    // Logged by the initializer; a distinct code, so a service manager can stop restarting (RestartPreventExitStatus=3).
    return ExitCodes.DatabaseNewerThanApplication;
}

return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
