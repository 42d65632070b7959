using System.Text;
using Khilafat.Web.Data;
using Khilafat.Web.Privacy;
using Khilafat.Web.Tests.Infrastructure;
using Khilafat.Web.Tests.Petitions;
using Microsoft.Extensions.DependencyInjection;

namespace Khilafat.Web.Tests.MailingList;

/// <summary>
/// Erased means gone from the database's files, not only from its pages: whoever gets the file, its log or a backup of
/// it (a seized server, a copied disk) finds no erased supporter's address or name in its free space.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.Sqlite)]
public class ErasedFromTheFileTests(MailSiteFactory factory) : IClassFixture<MailSiteFactory>
{
    [Fact]
    public async Task APersonAnEditorErases_IsInNeitherTheDatabaseFileNorItsLog_NorABackupMadeAfter()
    {
        var person = Visitor.NewAddress("erased.from.file");
        var visitor = factory.CreateClient();
        await visitor.SignUpAndConfirmAsync(factory, person, name: "Qudsiyya Erasable");
        var (_, slug) = await factory.CreatePetitionAsync(PetitionTestSupport.NewTitle("Erased from the file"));
        await visitor.SignAndConfirmAsync(factory, slug, PetitionTestSupport.SignValues(person, name: "Qudsiyya Erasable", showName: true));
        // The search finds them before: the address and the name are in the files.
        Assert.True(InTheFiles(person) && InTheFiles("Qudsiyya"), "The sign-up and the signature were not found in the database's files.");
        var (editor, _) = await factory.EditorAsync();

        var found = await (await editor.SubmitFormAsync("/admin/subscribers/person", Html.Values(("Email", person)), "form[action*='handler=Find']")).ReadDocumentAsync();
        var asked = await (await editor.SubmitAsync(found.Form("form[action*='handler=Erase']"), "/admin/subscribers/person")).ReadDocumentAsync();
        var erased = await (await editor.SubmitAsync(asked.Form("form.confirm-erase"), "/admin/subscribers/person")).ReadDocumentAsync();
        Assert.StartsWith("Erased: 1 subscriber, 1 petition signature", erased.Status());

        Assert.False(InTheFiles(person), "The erased address is still in the database's files.");
        Assert.False(InTheFiles("Qudsiyya"), "The erased name is still in the database's files.");
        var backup = Path.Combine(factory.DataDirectory, "after-erasure.db");
        await DatabaseBackup.WriteAsync(factory.ConnectionString, backup);
        var copy = await File.ReadAllBytesAsync(backup);
        Assert.False(Contains(copy, person) || Contains(copy, "Qudsiyya"), "A backup made after the erasure holds the erased person.");
    }

    [Fact]
    public async Task ASignUpNeverConfirmed_ErasedByTheHourlyMaintenance_IsInNeitherFile()
    {
        var stranger = Visitor.NewAddress("never.confirmed");
        await factory.CreateClient().SignUpAndSeeThanksAsync(stranger, name: "Typed By Someone");
        Assert.True(InTheFiles(stranger), "The sign-up was not found in the database's files.");

        factory.Clock.Advance(TimeSpan.FromDays(31));
        await factory.Services.GetRequiredService<Maintenance>().RunOnceAsync();

        Assert.Null(await factory.SubscriberAsync(stranger));
        Assert.False(InTheFiles(stranger), "The erased address is still in the database's files.");
        Assert.False(InTheFiles("Typed By Someone"), "The erased name is still in the database's files.");
    }

    // The database file and its write-ahead log as they are on disk, read beside the running site.
    private bool InTheFiles(string text) =>
        new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Any(file => File.Exists(file) && Contains(ReadShared(file), text));

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
