using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Smile.Storage.Outbox;

internal static class Counters
{
    /// <summary>Adds <paramref name="by"/> to a counter inside the current transaction and returns the new value.</summary>
    public static async Task<long> IncrementAsync(SmileDbContext db, string name, long by, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "UPDATE counters SET value = value + @by WHERE name = @name RETURNING value";
        if (StateSignal.IsPostgres(db))
        {
            // Every counter is part of the content state other nodes cache; same round trip, delivered on commit.
            command.CommandText += "; " + StateSignal.NotifySql;
        }

        var byParameter = command.CreateParameter();
        byParameter.ParameterName = "@by";
        byParameter.Value = by;
        command.Parameters.Add(byParameter);
        var nameParameter = command.CreateParameter();
        nameParameter.ParameterName = "@name";
        nameParameter.Value = name;
        command.Parameters.Add(nameParameter);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
