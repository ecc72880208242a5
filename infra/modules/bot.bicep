// Azure Bot registration whose identity is the user-assigned managed identity, with the Microsoft Teams channel.

@description('Bot handle: globally unique, 2-64 letters, digits, hyphens, underscores or periods.')
param name string

@description('Display name shown in the Azure portal.')
param displayName string

@description('Pricing tier: F0 (free) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Client id of the user-assigned managed identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Tenant of the managed identity.')
param tenantId string

@description('Tags applied to the bot.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
