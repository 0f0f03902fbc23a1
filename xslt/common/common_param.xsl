<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters shared by both editions; one line each says what it does. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">

  <!-- The personography's file name, as pointers write it ('persons.xml#stalin'). -->
  <xsl:param name="personography-file" as="xs:string" select="'persons.xml'"/>

  <!-- The name of the edition, on title pages and in page footers. -->
  <xsl:param name="edition-title" as="xs:string" select="'Records of Conversation, 1949–1952'"/>

</xsl:stylesheet>
