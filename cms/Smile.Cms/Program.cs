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
