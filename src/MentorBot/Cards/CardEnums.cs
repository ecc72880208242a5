namespace MentorBot.Cards;

internal enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

internal enum FontSize { Small, Default, Medium, Large, ExtraLarge }

internal enum FontWeight { Lighter, Default, Bolder }

internal enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

internal enum TextBlockStyle { Default, Heading }

internal enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

internal enum ChoiceInputStyle { Compact, Expanded }

internal enum VerticalAlignment { Top, Center, Bottom }

internal enum HorizontalAlignment { Left, Center, Right }

internal enum AssociatedInputs { Auto, None }
