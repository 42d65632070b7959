using Khilafat.Web.Jobs;
using Khilafat.Web.Options;
using Khilafat.Web.Petitions;

namespace Khilafat.Web.Startup;

public static class PetitionSetup
{
    /// <summary>Petitions: their editor, signing, the editors' signature list, the public reader, and the jobs that tell signers of the delivery and erase them.</summary>
    public static IServiceCollection AddSitePetitions(this IServiceCollection services)
    {
        services.AddOptions<PetitionOptions>().BindConfiguration(PetitionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PetitionEditor>();
        services.AddScoped<PetitionSigning>();
        services.AddScoped<PetitionSignatures>();
        services.AddScoped<PetitionReader>();
        services.AddKeyedScoped<IJobHandler, ErasePetitionSignersHandler>(JobKinds.ErasePetitionSigners);
        services.AddKeyedScoped<IJobHandler, PetitionDeliveredHandler>(JobKinds.PetitionDelivered);
        return services;
    }
}
