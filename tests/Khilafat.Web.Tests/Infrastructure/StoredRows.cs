using System.Globalization;
using System.Net;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.Infrastructure;

/// <summary>
/// Rows as the database holds them, every column read as text, whatever the model maps: for tests of what is kept
/// about a person, which a column the model no longer names would still hold.
/// </summary>
public static class StoredRows
{
    /// <summary>The row of <paramref name="table"/> with this id, column by column; fails when there is none.</summary>
    public static Task<IReadOnlyDictionary<string, string?>> RowAsync(this SiteFactory factory, string table, long id) =>
        factory.WithScopeAsync<IReadOnlyDictionary<string, string?>>(async sp =>
        {
            var db = sp.GetRequiredService<SiteDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"""SELECT * FROM "{table}" WHERE "Id" = {id.ToString(CultureInfo.InvariantCulture)}""";
                await using var reader = await command.ExecuteReaderAsync();
                if (!await reader.ReadAsync()) throw new InvalidOperationException($"{table} has no row {id}.");
                return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                    i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    /// <summary>
    /// The columns of the row that keep something of the network address a visitor sent it from: a value in one named
    /// for it ("IpHash", "Consent_IpHash"), or a value holding the address or the site's keyed hash of it. Empty when
    /// the row keeps nothing of it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddressTracesAsync(this SiteFactory factory, string table, long id, IPAddress address)
    {
        var hash = (await factory.Services.GetRequiredService<SiteKeys>().HashIpAsync(address))!;
        var row = await factory.RowAsync(table, id);
        return [.. row.Where(c => c.Value is { } value && (IsAddressColumn(c.Key)
                || value.Contains(hash, StringComparison.OrdinalIgnoreCase) || value.Contains(address.ToString(), StringComparison.Ordinal)))
            .Select(c => c.Key)];
    }

    /// <summary>The columns of <paramref name="table"/> (as the row with this id has them) named for a network address.</summary>
    public static async Task<IReadOnlyList<string>> AddressColumnsAsync(this SiteFactory factory, string table, long id) =>
        [.. (await factory.RowAsync(table, id)).Keys.Where(IsAddressColumn)];

    private static bool IsAddressColumn(string column) => column.Contains("Ip", StringComparison.Ordinal);
}
