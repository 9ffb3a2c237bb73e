using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

internal interface IProviderEmulator
{
    /// <summary>The name recorded in <see cref="RecordedRequest.Provider"/>.</summary>
    string Name { get; }

    /// <summary>Answers a request; may throw <see cref="RequestRejectedException"/>.</summary>
    Reply Handle(RecordedRequest request);
}
