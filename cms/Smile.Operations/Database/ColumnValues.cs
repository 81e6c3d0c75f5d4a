using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Smile.Operations.Database;

/// <summary>
/// Column values between a provider and JSON, typed by the column's CLR type so that SQLite's text dates and
/// integer booleans come back as PostgreSQL's timestamps and booleans and the other way round. Times are UTC.
/// </summary>
public static class ColumnValues
{
    public static void Write(Utf8JsonWriter json, DbDataReader reader, int ordinal, DatabaseColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
            return;
        }

        var type = column.ClrType;
        if (type == typeof(string))
        {
            json.WriteStringValue(reader.GetString(ordinal));
        }
        else if (type == typeof(bool))
        {
            json.WriteBooleanValue(reader.GetBoolean(ordinal));
        }
        else if (type == typeof(int) || type == typeof(short) || type == typeof(byte))
        {
            json.WriteNumberValue(Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture));
        }
        else if (type == typeof(long))
        {
            json.WriteNumberValue(reader.GetInt64(ordinal));
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            var number = reader.GetDouble(ordinal);
            if (double.IsFinite(number))
            {
                json.WriteNumberValue(number);
            }
            else
            {
                json.WriteStringValue(number.ToString(CultureInfo.InvariantCulture)); // JSON has no NaN or Infinity
            }
        }
        else if (type == typeof(decimal))
        {
            json.WriteNumberValue(reader.GetDecimal(ordinal));
        }
        else if (type == typeof(DateTime))
        {
            json.WriteStringValue(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        }
        else if (type == typeof(DateTimeOffset))
        {
            json.WriteStringValue(reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }
        else if (type == typeof(Guid))
        {
            json.WriteStringValue(reader.GetGuid(ordinal));
        }
        else if (type == typeof(byte[]))
        {
            json.WriteBase64StringValue(reader.GetFieldValue<byte[]>(ordinal));
        }
        else if (type == typeof(TimeSpan))
        {
            json.WriteStringValue(reader.GetFieldValue<TimeSpan>(ordinal).ToString("c", CultureInfo.InvariantCulture));
        }
        else
        {
            throw Unsupported(column);
        }
    }

    public static object Read(JsonElement value, DatabaseColumn column)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return DBNull.Value;
        }

        var type = column.ClrType;
        return type switch
        {
            _ when type == typeof(string) => value.GetString()!,
            _ when type == typeof(bool) => value.GetBoolean(),
            _ when type == typeof(int) => value.GetInt32(),
            _ when type == typeof(short) => value.GetInt16(),
            _ when type == typeof(byte) => value.GetByte(),
            _ when type == typeof(long) => value.GetInt64(),
            _ when type == typeof(double) => ReadDouble(value),
            _ when type == typeof(float) => (float)ReadDouble(value),
            _ when type == typeof(decimal) => value.GetDecimal(),
            _ when type == typeof(DateTime) => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ when type == typeof(Guid) => value.GetGuid(),
            _ when type == typeof(byte[]) => value.GetBytesFromBase64(),
            _ when type == typeof(TimeSpan) => TimeSpan.ParseExact(value.GetString()!, "c", CultureInfo.InvariantCulture),
            _ => throw Unsupported(column),
        };
    }

    private static double ReadDouble(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();

    private static NotSupportedException Unsupported(DatabaseColumn column) =>
        new($"Column {column.Name} has type {column.ClrType.Name}, which backups do not know yet.");
}
