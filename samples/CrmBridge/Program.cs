using CrmBridge;

// Run: RocketChat__SecretToken=s3cret dotnet run --project samples/CrmBridge -- --urls http://127.0.0.1:5080
// then set Livechat_webhookUrl to http://127.0.0.1:5080/hooks/rocketchat (and the same Livechat_secret_token).
WebApplication app = CrmBridgeApp.Build(args);
await app.RunAsync();
