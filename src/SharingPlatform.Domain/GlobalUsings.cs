global using SharingPlatform.Domain.Common;
global using SharingPlatform.Domain.Municipalities;
global using SharingPlatform.Domain.Resources;
