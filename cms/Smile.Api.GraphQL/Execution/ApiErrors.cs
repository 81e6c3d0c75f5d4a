using GraphQL;

namespace Smile.Api.GraphQL.Execution;

/// <summary>Errors the API raises on purpose; their codes decide the HTTP status (400, 403, 500).</summary>
public static class ApiErrors
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Forbidden = "FORBIDDEN";
    public const string Internal = "INTERNAL_SERVER_ERROR";

    public static ExecutionError BadInput(string message) => new(message) { Code = BadUserInput };

    public static ExecutionError Denied(string message) => new(message) { Code = Forbidden };
}
