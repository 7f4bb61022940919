#!/usr/bin/python3
"""Builds the name lexicons of the person_name detector from open sources.

Inputs:
  FAKER_DIR  the lists written by extract_faker_names.mjs from the npm package
             @faker-js/faker (MIT licence; see rules/README.md)
  the Dutch word list of Debian's `wdutch` package (/usr/share/dict/dutch,
             OpenTaal, BSD or CC BY 3.0)
  the curated lists below (common names of Dutch residents of Moroccan,
             Surinamese, Moluccan and Somali/Eritrean descent, and the most
             frequent Dutch surnames; compiled for this project)

Writes rules/data/lexicons/{first_names,surnames,common_words_nl}.txt.
Usage: corpus/tools/build_name_lexicons.py FAKER_DIR [RULES_LEXICON_DIR]
"""
import os
import sys

# Locales taken whole: Dutch, Flemish and the largest groups of Dutch
# residents with a foreign background that faker covers.
WHOLE = ["nl", "nl_BE", "tr", "pl", "id_ID"]
# International locales: only given names shared by at least two of them
# (Anna, David, Thomas ...) -- the full lists hold many ordinary words.
SHARED = ["de", "fr", "en", "es", "pt_PT", "it"]
# Surnames: all locales above.

CURATED_FIRST = """
Mohamed Mohammed Muhammad Ahmed Youssef Yusuf Mustafa Said Rachid Abdelkader Hassan
Hussein Karim Khalid Omar Othman Soufiane Ayoub Bilal Hamza Ilias Ilyas Imane Nadia
Fatima Khadija Aicha Aisha Meryem Maryam Samira Naima Latifa Malika Zineb Salma Houda
Loubna Hanan Najat Yasmina Yasmine Souad Rachida Hafsa Amina Mounir Nordin Driss Jamal
Jamila Redouan Redouane Anouar Zakaria Ismail Brahim Ibrahim Mehdi Nabil Tarik Younes
Yassine Zouhair Badr Hicham Hamid Abdellah Abdullah Mimoun Aziz Fouad Khalil Nourdin
Chaima Ikram Wiam Hajar Oumaima Rania Dounia Soumaya Abdi Abdullahi Farah Yonas Tesfay
Ravi Rajesh Anil Sunil Shanti Sita Priya Kiran Vishal Anjali Navin Soenita Rabindre
Sandjai Ritesh Sherida Radjesh Sharda Kavita Dinesh Ashwin Roshni Nirmala Chandrika
Henk Wim Ans Joke Annemarie Jeroen Ingrid Petra Marieke Ruud Geert Hans Ton Kees Gert Piet
Jaap Theo Frank Rob Paul Peter Arjan Arjen Erwin Edwin Marcel Remco Richard Ronald Sander
Martijn Joost Maarten Jasper Niels Wouter Ruben Thijs Koen Stefan Dennis Patrick Michel
Vincent Wilma Karin Marjolein Mirjam Saskia Marloes Ilse Inge Anke Janneke Annelies Els
Ellen Margreet Marja Gerda Hilde Nicole Wendy Chantal Miranda Yvonne Jolanda Bianca
Marianne Astrid Renate Judith Suzanne Manon Marit Lotte Fleur Floor Anneke Corrie Truus
Riet Bert Harm Jelle Sjoerd Wietse Hidde Tjeerd Hylke Siebe Durk Geertje Baukje Trijntje
Ayşe Emine Hatice Zeynep Elif Merve Esra Büşra Ahmet Mehmet Mustafa Ali Hüseyin Hasan
İbrahim Murat Emre Burak Hakan Kemal Osman Ömer Recep Selin Derya Serkan Volkan Tarkan
Gijs Hugo Jurgen Jorrit Menno Bram Erik Herman Willem Kim Joris Laura Mieke Nienke Sietske
"""
# Common given names of the other populations that live and work in the
# Netherlands (German, British and Irish, French, Spanish, Italian,
# Portuguese and Brazilian, Nordic, Polish, Czech and Slovak, Russian and
# Ukrainian, Romanian, Bulgarian, former Yugoslav, Hungarian, Baltic, Greek,
# Turkish, Arabic, Indian and Hindustani, Indonesian, Chinese, Japanese,
# Korean, Vietnamese, Somali, Eritrean, Ghanaian and Nigerian, Armenian,
# Georgian, Central Asian, Persian, Israeli, Celtic) and more Dutch and
# Frisian ones; compiled for this project (issue 18). Left out: names that
# are ordinary words, dates or places in text ("Hope", "Georgia", "Dag", "Hong",
# "Thu", "Jun").
CURATED_FIRST_WORLD = """
Aart Abe Adriaan Albert Albertus Aldert Alwin Ard Arend Arie Arnold Arnoud Arthur Auke Barend
Bartholomeus Bauke Benno Berend Bernard Berry Bertus Boudewijn Bouke Brecht Casper Cees
Christiaan Coen Cor Cornelis Daan Dick Diederik Dirk Douwe Egbert Eelco Eelke Eric Evert Ewout
Folkert Fokke Frans Frederik Frits Gerard Gerben Gerrit Gerolf Gijsbert Gosse Govert Guus
Harmen Harold Hein Hendrik Henri Hessel Huib Huub Ids Jacob Jacobus Jakob Jelmer Jelte Jeroen
Jochem Johan Johannes Jouke Jurre Kees Klaas Lammert Laurens Leendert Lodewijk Lucas Luuk
Maarten Marinus Marnix Mathijs Meindert Melle Minne Mees Nanne Nico Olaf Onno Otto Pieter
Reinder Reinier Reinout Rick Rienk Rik Roel Rogier Roelof Rutger Sibren Siem Sijbrand Sjaak
Sjef Sjors Steven Sybren Taco Teun Tijmen Tijn Tjalling Tjerk Tjibbe Ties Tobias Ton Tonnie
Twan Valentijn Victor Wessel Wichert Wiebe Wiebren Willem Wouter Wybren Ynze Ype Yvo Aafke
Aagje Adrie Aleida Alida Anja Annelien Anneloes Annemiek Annet Annika Antje Ria Betsy Carla
Carolien Cato Cisca Corine Dieuwke Dineke Dorien Elise Elsbeth Esmee Esther Femke Fenna
Floortje Froukje Geesje Gerdien Gonny Greetje Hanneke Heleen Hennie Henny Hester Ida Ineke
Irene Jacoba Jannie Jantine Jeltje Jikke Joanne Joyce Jozefien Karlijn Klaske Lieke Liesbeth
Lineke Lisanne Loes Lonneke Maaike Margriet Marijke Marleen Mien Minke Nelleke Nel Noortje
Paulien Petronella Rianne Rinske Romy Roosmarijn Sanne Sietske Sjoukje Sofie Tineke Tjitske
Trudy Wilhelmina Willemijn Wietske Ymke Yfke Andreas Achim Alexander Alois Anton Armin Axel
Benedikt Bernd Bernhard Bertram Björn Bjoern Burkhard Carsten Christoph Christian Claus Dieter
Dietmar Dietrich Egon Eckhard Ekkehard Erhard Ernst Ewald Falk Florian Friedrich Fritz Georg
Gerd Gerhard Gottfried Gregor Guenter Günter Günther Gunter Hagen Hannes Hans-Jürgen Hans-Peter
Hartmut Heiko Heiner Heinrich Heinz Helge Helmut Helmuth Henning Herbert Holger Horst Ingo Jens
Joachim Jochen Joerg Jörg Jürgen Juergen Kai Karl Karsten Klaus Konrad Kurt Lothar Lutz Manfred
Marius Markus Mathias Matthias Michael Moritz Nils Norbert Oliver Ortwin Otmar Philipp Rainer
Ralf Reiner Reinhard Reinhold Richard Roland Rolf Rüdiger Ruediger Sebastian Siegfried Steffen
Sven Thilo Thomas Thorsten Tilman Tilo Timo Torsten Udo Ulf Ulrich Uwe Volker Waldemar Walter
Werner Wilfried Wolfgang Wolfram Anke Annegret Annette Barbara Beate Bettina Birgit Brigitte
Christa Christiane Claudia Dagmar Doris Dorothea Edeltraud Frauke Friederike Gabriele Gerda
Gisela Grete Gudrun Hannelore Heike Helga Hildegard Ilse Ingeborg Irmgard Jutta Karin Katharina
Kerstin Kirsten Liselotte Margarete Margit Marlies Martina Monika Petra Regina Renate Rosemarie
Sabine Sigrid Silke Susanne Swantje Ulrike Ursula Ute Waltraud Wiebke Aaron Adam Alan Alec
Alistair Alastair Allan Andrew Andy Anthony Archie Barry Ben Benjamin Bill Billy Blake Bob
Bobby Brad Bradley Brandon Brendan Brett Brian Bruce Bryan Calvin Cameron Carl Chad Charles
Charlie Chris Christopher Chuck Clark Clint Clive Colin Connor Craig Curtis Damian Damien Damon
Daniel Danny Darren Dave David Dean Derek Desmond Dominic Don Donald Doug Douglas Drew Duncan
Dustin Dylan Eddie Edgar Edmund Edward Edwin Elliot Elliott Ernest Ethan Eugene Evan Francis
Frank Fred Freddie Gareth Garrett Gary Gavin Geoff Geoffrey George Gerald Glen Glenn Gordon
Graeme Graham Grant Greg Gregory Harry Harvey Henry Howard Hugh Ian Isaac Jack Jake James Jamie
Jared Jarrod Jason Jeff Jeffrey Jeremy Jerry Jesse Jim Jimmy Joe Joel John Johnny Jon Jonathan
Jordan Joseph Josh Joshua Julian Justin Keith Kenneth Kevin Kieran Kyle Lance Larry Lawrence
Lee Leonard Leslie Lewis Liam Lloyd Logan Louis Luke Malcolm Marcus Mark Martin Matt Matthew
Maurice Max Mike Mitchell Nathan Nathaniel Neil Nicholas Nick Nigel Noah Norman Oscar Owen
Patrick Paul Perry Pete Peter Phil Philip Phillip Ralph Randall Randolph Randy Ray Raymond
Reginald Rhys Ricky Robbie Robert Robin Rodney Roger Ronald Ross Roy Russell Ryan Sam Samuel
Scott Sean Seth Shane Shaun Simon Spencer Stanley Stephen Steve Stewart Stuart Ted Terence
Terry Theodore Tim Timothy Toby Todd Tom Tommy Tony Travis Trent Trevor Troy Tyler Vincent
Warren Wayne Wesley William Zachary Zack Abigail Alice Alison Amanda Amy Andrea Angela Ann Anne
Annie Audrey Becky Beth Bethany Betty Beverly Brenda Bridget Brittany Carol Carole Caroline
Carrie Catherine Charlotte Cheryl Chloe Christina Christine Claire Clare Courtney Cynthia Dana
Danielle Deborah Debbie Denise Diana Diane Donna Dorothy Elaine Eleanor Elizabeth Ellie Emily
Emma Erin Evelyn Fiona Frances Gail Gemma Gillian Gloria Hannah Harriet Heather Helen Holly
Isabel Jacqueline Jane Janet Janice Jean Jennifer Jenny Jessica Jill Joan Joanna Jodie
Josephine Judy Julia Julie Karen Kate Katherine Kathleen Kathryn Katie Kelly Kimberly Kirsty
Laura Lauren Leah Linda Lindsay Lisa Lorraine Louise Lucy Lydia Lynn Madeleine Margaret Maria
Marilyn Martha Mary Megan Melanie Melissa Michelle Molly Nancy Natalie Nicola Olivia Pamela
Patricia Paula Pauline Penny Rachel Rebecca Rosemary Ruth Samantha Sandra Sarah Shannon Sharon
Sheila Shirley Sophie Stacey Stephanie Susan Suzanne Tamara Teresa Theresa Tiffany Tracy
Valerie Vanessa Victoria Wendy Yvonne Zoe Adrien Alain Alexandre Alexis Antoine Armand Arnaud
Aurélien Aurelien Baptiste Bastien Benoît Benoit Bertrand Cédric Cedric Christophe Clément
Clement Corentin Cyril Cyrille Denis Didier Dominique Emmanuel Étienne Etienne Fabien Fabrice
Florent François Francois Frédéric Frederic Gaël Gael Gaëtan Gaetan Gérard Gilles Guillaume Guy
Hervé Herve Hugues Jacques Jean-Baptiste Jean-Claude Jean-François Jean-Luc Jean-Marc
Jean-Marie Jean-Michel Jean-Paul Jean-Philippe Jean-Pierre Jérémie Jérémy Jeremie Jérôme Jerome
Joël Julien Laurent Loïc Loic Lionel Ludovic Marc Marcel Mathieu Matthieu Maxime Michel Nicolas
Olivier Pascal Patrice Philippe Pierre Quentin Raphaël Raphael Régis Rémi Remi Remy Renaud René
Romain Sébastien Sebastien Serge Stéphane Stephane Sylvain Thibault Thibaut Thierry Timothée
Xavier Yann Yannick Yves Adèle Agnès Amélie Anaïs Annick Aurélie Béatrice Bérénice Camille
Cécile Chantal Clémence Corinne Delphine Élise Élodie Émilie Estelle Fabienne Françoise
Geneviève Hélène Isabelle Joëlle Juliette Laure Léa Lucie Manon Marguerite Marie Marine Martine
Mathilde Mireille Monique Mylène Nathalie Océane Pascale Sandrine Séverine Simone Solène Sylvie
Valérie Véronique Virginie Adrián Agustín Alberto Alejandro Alfonso Alfredo Álvaro Andrés
Andres Ángel Antonio Armando Arturo Carlos César Diego Eduardo Emilio Enrique Ernesto Esteban
Federico Felipe Fernando Francisco Gabriel Gerardo Germán Gonzalo Guillermo Gustavo Héctor
Hector Hugo Ignacio Iñaki Inaki Jaime Javier Jesús Joaquín Joaquin Jordi Jorge José Jose Josep
Juan Julián Julio Lorenzo Luis Manuel Marcos Mario Martín Mateo Matías Miguel Nicolás Óscar
Pablo Pedro Rafael Ramón Ramiro Raúl Raul Ricardo Roberto Rodrigo Rubén Salvador Sergio Tomás
Vicente Xavi Xosé Xose Alba Alicia Ana Beatriz Carmen Cristina Dolores Elena Esperanza Eva Inés
Lucía Luisa Marta Montserrat Núria Nuria Paloma Pilar Raquel Rocío Rosa Sara Silvia Sofía
Verónica Alessandro Alessio Angelo Attilio Carlo Claudio Daniele Dario Davide Emanuele Enrico
Fabio Fabrizio Filippo Francesco Giacomo Gianfranco Gianluca Giorgio Giovanni Giulio Giuseppe
Guido Leonardo Luca Luciano Luigi Marco Massimo Matteo Mattia Maurizio Michele Paolo Pietro
Raffaele Riccardo Salvatore Stefano Tommaso Valerio Vittorio Alessandra Antonella Chiara Cinzia
Elisa Federica Francesca Giorgia Giovanna Giulia Ilaria Lucia Marcella Paola Roberta Serena
Valentina Afonso Bruno Caio Cristiano Diogo Fábio Gonçalo Guilherme João Joao Leandro Luiz
Marcelo Matheus Nuno Paulo Renato Rui Thiago Tiago Vinícius Vinicius Adriana Bruna Camila
Fernanda Gabriela Joana Juliana Larissa Letícia Mariana Patrícia Renata Tatiana Anders Arne
Åsmund Bengt Bjarne Christer Einar Eirik Erik Espen Finn Fredrik Geir Gunnar Gustav Håkan
Håvard Halvard Hans Harald Henrik Ingvar Jan-Erik Jarl Joakim Jonas Jørgen Kåre Kjartan Kjell
Kjetil Knut Lars Leif Magnus Mats Mattias Mikael Morten Niklas Ola Olav Ole Oskar Pål Peder
Ragnar Rasmus Rickard Rune Sigurd Soren Søren Stefan Stig Sture Terje Thor Tore Torbjørn
Torbjorn Trond Vidar Agneta Anneli Astrid Birgitta Camilla Cecilia Elin Frida Gunilla Hanna
Ingrid Johanna Kristin Linnea Malin Margareta Marit Mette Siri Solveig Ulla Antti Eero Esa
Heikki Ilkka Jaakko Jari Jarkko Jouni Juha Juho Jukka Jussi Kalle Kari Lauri Markku Matti Mika
Mikko Olli Pasi Pekka Pentti Petri Riku Sami Seppo Simo Teemu Tommi Tuomas Tuomo Veikko Ville
Aleksander Andrzej Arkadiusz Bartosz Bogdan Dariusz Grzegorz Jacek Jakub Janusz Jarosław
Jaroslaw Jerzy Kamil Krzysztof Łukasz Lukasz Maciej Marcin Marek Mariusz Mateusz Michał Michal
Paweł Pawel Piotr Przemysław Rafał Rafal Ryszard Sławomir Stanisław Szymon Tadeusz Tomasz
Wojciech Zbigniew Zdzisław Agnieszka Aleksandra Alicja Anna Beata Dorota Ewa Halina Iwona
Justyna Katarzyna Magdalena Małgorzata Malgorzata Natalia Urszula Weronika Zofia Aleš Ales
Bohumil Bohuslav Dalibor Jan Jaroslav Jindřich Jiří Jiri Josef Karel Ladislav Libor Lubomír
Lubomir Lukáš Lukas Matěj Matej Milan Miloslav Miroslav Ondřej Ondrej Pavel Pavol Petr Radek
Radim Stanislav Tomáš Tomas Vaclav Václav Vladimír Vojtěch Zdeněk Zdenek Alenka Jana Jitka
Kateřina Lenka Markéta Marketa Tereza Veronika Zuzana Aleksandr Aleksei Aleksey Alexei Alexey
Anatoly Andrei Andrey Arkady Artem Artyom Boris Dmitri Dmitrii Dmitriy Dmitry Egor Evgeni
Evgeniy Evgeny Fedor Fyodor Gennady Georgy Grigory Igor Ilya Ivan Kirill Konstantin Leonid
Maksim Maxim Mikhail Nikita Nikolai Nikolay Oleg Oleksandr Oleksiy Pyotr Roman Ruslan Sergei
Sergey Taras Timur Vadim Valentin Valery Vasily Vasiliy Viktor Vitaly Vitaliy Vladimir
Vladislav Volodymyr Vyacheslav Yaroslav Yevgeny Yuri Yuriy Yury Alina Anastasia Anastasiya
Daria Ekaterina Galina Irina Kseniya Ksenia Larisa Lyudmila Marina Nadezhda Natalya Oksana Olga
Polina Svetlana Tatyana Vera Yulia Yuliya Adrian Alexandru Catalin Cătălin Ciprian Claudiu
Constantin Cosmin Cristian Dorin Dragos Dragoș Florin Gheorghe Horia Ioan Ionut Iulian Iustin
Lucian Marian Mihai Mircea Nicolae Ovidiu Radu Razvan Răzvan Sorin Stelian Teodor Tudor Vasile
Viorel Vlad Andreea Camelia Corina Daniela Ioana Loredana Mihaela Monica Oana Raluca Roxana
Simona Atanas Blagoy Borislav Boyan Damyan Dimitar Georgi Hristo Ivaylo Kaloyan Krasimir
Lyubomir Plamen Rumen Stoyan Todor Vasil Veselin Zhivko Aleksa Branislav Dragan Dušan Dusan
Goran Ivica Marko Miloš Milos Nebojša Nemanja Nikola Predrag Vladan Zoran Željko Zeljko Ante
Damir Davor Domagoj Hrvoje Josip Kresimir Tomislav Luka Mladen Darko Bojan Aljaž Blaž Gašper
Jure Matic Primož Tadej Uroš Žiga Ákos Attila Balázs Balint Bálint Csaba Dániel Ferenc Gábor
Gabor Gergely Gergő György Imre István Istvan János Janos Károly Krisztián László Laszlo
Levente Márton Mihály Miklós Miklos Péter Sándor Tamás Tibor Zoltán Zoltan Zsolt Algirdas
Andrius Arūnas Darius Gintaras Kęstutis Mantas Modestas Rimantas Vytautas Žygimantas Aivars
Andris Edgars Janis Jānis Kaspars Maris Raivis Valdis Aare Ardo Jaan Mart Priit Tambet Tarmo
Toomas Alexandros Anastasios Apostolos Christos Dimitrios Dimitris Evangelos Georgios Giorgos
Ioannis Kostas Konstantinos Michalis Nikolaos Nikos Panagiotis Pavlos Petros Spyros Stavros
Stelios Thanasis Theodoros Vasilis Vasileios Yannis Yiannis Ioanna Eleni Katerina Sofia Despina
Angeliki Ahmet Ali Alper Arda Aydın Baran Barış Batuhan Berk Bülent Burak Cem Cengiz Deniz
Doğan Efe Emir Emre Enes Engin Erdem Erdoğan Eren Erkan Ersin Fatih Ferhat Furkan Gökhan Hakan
Halil Hamza Harun İbrahim İlker İsmail Kaan Kadir Kemal Kenan Koray Levent Mahmut Mert Metin
Murat Mustafa Necati Oğuz Onur Orhan Osman Ozan Özgür Ramazan Recep Selim Serdar Serkan Sinan
Taner Tayfun Tolga Tuncay Turgut Uğur Ümit Volkan Yakup Yasin Yavuz Yunus Yusuf Zafer Aslı Ayşe
Aysel Ayten Belgin Burcu Büşra Cansu Ceren Derya Dilek Ebru Elif Emel Esra Fadime Fatma Filiz
Gamze Gizem Gül Gülay Hacer Hande Hülya İpek Kübra Leyla Melek Meltem Merve Nazlı Nur Nuray
Özge Pınar Seda Selin Serap Sevgi Sibel Songül Tuba Tuğba Yasemin Yeliz Zehra Zeynep Abdelaziz
Abdelhak Abdelilah Abdellatif Abdelmajid Abdeslam Abderrahim Abderrahman Adil Ahmad Anas Anouar
Ayoub Azzedine Bachir Badr Bouchaib Driss El-Mehdi Fouad Hakim Hamid Hicham Hassan Houcine
Ilias Ilyas Imad Ismael Jamal Jawad Kamal Karim Khalid Lahcen Mehdi Mohamed Mohammed Mohammad
Mohsin Mounir Mourad Mustapha Nabil Najib Nassim Noureddine Omar Othmane Rachid Redouane Reda
Saad Said Samir Soufiane Tarik Tariq Walid Yassin Yassine Younes Youssef Zakaria Zouhair Abdel
Abdul Amir Bilal Fadi Faisal Farid Firas Habib Hussein Imran Ishaq Ismail Issa Jalal Jamil
Kareem Khaled Mahmoud Majid Malik Marwan Mazen Nasser Nizar Osama Ossama Rami Rashid Salah
Salim Sayed Tamer Wael Yahya Ziad Aicha Amal Asma Asmae Bouchra Btissam Chaimae Chaima Fadwa
Fatiha Fatima Fatna Ghizlane Hafida Hajar Hanane Hayat Hind Houria Ikram Imane Karima Khadija
Latifa Laila Leila Loubna Malika Mariam Maryam Meryem Naima Najat Nadia Nora Nouha Rabia
Rachida Salma Samira Sanae Siham Soukaina Souad Wafae Yasmina Yousra Zahra Zineb Zohra Zoubida
Amira Dina Farida Hala Hiba Huda Jamila Lina Lubna Maha Manal Mona Noor Nour Rana Rasha Reem
Rima Rola Sahar Salwa Samar Sana Suha Wafa Yara Aaditya Abhijit Abhishek Aditya Ajay Ajit Akash
Amit Amitabh Anand Anil Ankit Ankur Anuj Anup Arjun Arun Arvind Ashish Ashok Ashwin Deepak Dev
Dhruv Dinesh Ganesh Gaurav Girish Gopal Harish Harsh Hemant Jagdish Jaydeep Kailash Karan
Kartik Kishore Krishna Kumar Mahesh Manish Manoj Mohan Mukesh Mukunda Naresh Naveen Navin
Nikhil Nilesh Nitin Pankaj Pradeep Prakash Pranav Prasad Praveen Rahul Rajeev Rajesh Rajiv
Rakesh Ramesh Ravi Rohan Rohit Sachin Sandeep Sanjay Sanjeev Santosh Satish Saurabh Shankar
Shiv Shyam Siddharth Srinivas Subhash Subhransu Sudhir Suhas Sumit Sunil Suresh Swapnil Tarun
Umesh Varun Venkat Vijay Vikas Vikram Vinay Vinod Vipin Vishal Vivek Yogesh Aarti Anita Anjali
Anjana Archana Asha Deepa Deepika Divya Durga Geeta Gita Jyoti Jyotshna Kavita Lakshmi Meena
Meera Neha Nisha Pooja Poonam Preeti Priya Priyanka Radha Rekha Renu Rita Sangeeta Sapna Savita
Seema Shalini Shilpa Shweta Sneha Sonia Sudha Sunita Sushma Swati Sweta Usha Vandana Amanpreet
Gurpreet Harpreet Jaspreet Manpreet Simran Baldev Gurdeep Harjit Jasbir Kuldeep Manjit Rajinder
Sukhwinder Agus Andi Arief Bambang Budi Dedi Dewi Djoko Eko Fajar Hadi Hendra Heru Irwan Iwan
Joko Kurniawan Nyoman Putu Rizky Rudi Slamet Sri Sugeng Sulistyo Sutrisno Teguh Wahyu Wayan
Yudi Yoppy Ayu Fitri Indah Kartini Lestari Nining Ratna Siti Wulan Akira Akihiro Daisuke Hajime
Haruki Hideki Hideo Hiroaki Hiroki Hiromi Hiroshi Hiroyuki Ichiro Junichi Kazuhiro Kazuki
Kazuo Keiji Keisuke Kenichi Kenji Kenshi Kentaro Koichi Koji Makoto Masaaki Masahiro Masakazu
Masaki Masashi Masatake Masato Masayuki Minoru Naoki Naoto Nobuhiro Noriaki Osamu Ryo Ryota
Ryuichi Satoru Satoshi Shigeru Shinichi Shinji Shun Taichi Takahiro Takashi Takeshi Takuya Taro
Tatsuya Tetsuya Tomohiro Toru Toshiaki Toshio Tsuyoshi Yasuhiro Yoshiaki Yoshihiro Yoshinori
Yuichi Yuji Yuki Yusuke Ayumi Chieko Emiko Haruka Keiko Kumiko Mai Mayumi Megumi Michiko Naoko
Noriko Sachiko Sakura Tomoko Yoko Yoshiko Yukiko Yumi Byung Chanho Dong-hyun Hyun Jae Jaegeum
Jae-hyun Jin Jiwon Joon Jun-ho Kyung Min-jun Minho Seok Seung Sung Sunjae Sung-min Woo Yong Bao
Binh Cuong Dung Duc Hai Hieu Hoa Hoang Huong Huy Khanh Lan Linh Minh Nam Ngoc Phong Phuong Quan
Quang Tam Thanh Thao Trung Tuan Tung Vinh Chao Cheng Chun Fang Feng Guang Hao Hui Jian
Jiang Jie Jing Lei Liang Lin Ling Ming Qiang Qing Shan Sheng Shuo Tao Wei Wen Xiang Xiao Xin
Yang Ying Yuan Yun Zhen Zheng Zhi Zhong Chih-Wei Tzu-Ping Yixuan Ximin Tianjia Shengqi
Abdirahman Abdirizak Abdullahi Ahmed Ayaan Amina Asad Bashir Deeqa Faduma Hodan Hamse Hawa
Ismahan Khadar Mahad Mohamud Nasra Sahra Sagal Abel Aman Berhane Dawit Fitsum Girmay Habtom
Hagos Haile Kidane Mehari Merhawi Semere Senait Tekle Tesfay Tesfaye Tewolde Yonas Yohannes
Yemane Eden Hiwet Luwam Saba Selam Tsega Winta Mulu Abena Ama Akosua Adwoa Afua Efua Kofi Kwame
Kwabena Kwaku Kwasi Kojo Yaw Kweku Ebo Nana Chidi Chinedu Chukwuemeka Emeka Ifeanyi Obinna
Oluwaseun Olumide Segun Tunde Babajide Ngozi Chiamaka Folake Funmilayo Yetunde Alvin Carlito
Dilan Jermaine Lesley Marvin Melvin Sherwin Sherida Xaviera Radjesh Rishi Soenil Soenita Wiren
Prem Ramon Romano Aleksandar Arangel Arsen Armen Aram Davit Gor Hayk Levon Narek Norayr Suren
Tigran Vardan Anush Gayane Lilit Nare Shushan Giorgi Levan Nino Tamar Dauren Baurzhan Aidar
Askar Nurlan Bakyt Rustam Farrukh Sherzod Ulugbek Dilshod Behdad Babak Farhad Hossein Kourosh
Meelad Milad Mohsen Navid Omid Payam Pouya Reza Roozbeh Saeed Shahin Vahid Arash Parisa Shirin
Neda Roya Avi Dov Eitan Eyal Gil Itai Itamar Lior Moshe Nir Niv Noam Ofer Omer Oren Ron Shai
Shlomo Uri Yair Yaron Yoav Yossi Ziv Iestyn Dafydd Gethin Rhodri Aled Emyr Gwyn Siân Seán
Ciarán Cian Cormac Declan Diarmuid Donal Eoin Fergal Fionn Niall Oisín Padraig Pádraig Ronan
Ruairí Seamus Siobhan Aoife Niamh Orla Róisín Saoirse Iain Angus Callum Ewan Fraser Hamish
Lachlan Murdo Ruaridh Alasdair Eilidh Isla Morag Mhairi
"""
CURATED_SURNAMES = """
Amrani Idrissi Benali Bouzid Bakkali Azzouzi Khatib Ouali Boukhari Tahiri Aarab Ahmadi
Haddouchi Hamdaoui Bouhali Zaoui Belhaj Mansouri Bouchtaoui Ouazzani Chadli Hajji
Kaddouri Bouchikhi Azarkan Achahbar Benhammou Mahjoub Bousaid Yousfi Moussaoui Bouzerda
Ramdin Jagessar Ramcharan Baldew Mahabier Sewnath Soekhai Ramsaran Bhagwandin Kalloe
Ramdas Girjasing Bisoen Doerga Jhinkoe Badloe Biharie Ramautar Sital Kromodimedjo
Karijo Sastrodihardjo Pinas Doelwijt Kasanpawiro Wongsodikromo Tjin Tjon Latuheru
Pattipeilohy Tuhumury Sahetapy Pattiasina Manuhutu Wattimena Tahapary Leiwakabessy
Soplanit Nanlohy Warsame Abdi Tesfay Haile Yilmaz Kaya Demir Sahin Celik Yildiz Aydin
Jong Jansen Vries Berg Dijk Bakker Janssen Visser Smit Meijer Boer Mulder Groot Bos Vos
Peters Hendriks Leeuwen Dekker Brouwer Wit Dijkstra Smits Graaf Meer Linden Kok Jacobs
Haan Vermeulen Heuvel Veen Broek Bruijn Bruin Heijden Schouten Beek Willems Vliet Ven
Hoekstra Maas Verhoeven Koster Dam Wal Prins Blom Huisman Peeters Jonge Kuipers Post
Kuiper Veenstra Kramer Brink Scholten Wijk Postma Martens Vink Ruiter Timmermans Groen
Gerritsen Jonker Loon Velde Willemsen Smeets Lange Bosch Dongen Schipper Koning Laan
Velden Driessen Doorn Hermans Evers Bosch Meulen Hofman Bosman Wolters Sanders Horst
Zwart Schipper Timmer Wever Kuiper Koopman Brinkman Verhagen Hoogendoorn Oosterhuis
Mol Kuijpers Molenaar Pol Leeuw Verbeek Hart Zijlstra Hiemstra Claessens Hendrickx
"""
# Words that are never taken as given names even if a list has them.
NOT_GIVEN = {"van", "de", "der", "den", "ter", "ten", "het", "januari", "februari", "maart",
             "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
             "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
             "zondag", "beste", "geachte", "hallo", "dag", "met", "groet", "team", "bank"}


def read(path):
    if not os.path.exists(path):
        sys.exit(f"missing {path}: run extract_faker_names.mjs first")
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def good(name):
    return len(name) >= 2 and "Ã" not in name and not any(c.isdigit() for c in name)


def main():
    faker = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "rules", "data", "lexicons")
    first, last = set(), set()
    for loc in WHOLE:
        first.update(n for n in read(f"{faker}/faker_{loc}_first.txt") if good(n) and " " not in n)
    counts = {}
    for loc in SHARED:
        for n in set(read(f"{faker}/faker_{loc}_first.txt")):
            if good(n) and " " not in n:
                counts[n] = counts.get(n, 0) + 1
    first.update(n for n, c in counts.items() if c >= 2)
    first.update(CURATED_FIRST.split())
    first.update(CURATED_FIRST_WORLD.split())
    # Two-letter names (Bo, Al, Su) are mostly ordinary words in Dutch text.
    first = {n for n in first if n.lower() not in NOT_GIVEN and len(n) > 2}
    for loc in WHOLE + SHARED:
        for n in read(f"{faker}/faker_{loc}_last.txt"):
            # "van der Meer" -> the main part, which is what the finder looks up.
            word = n.split()[-1]
            if good(word):
                last.add(word)
    last.update(CURATED_SURNAMES.split())

    names_lower = {n.lower() for n in first | last}
    with open("/usr/share/dict/dutch", encoding="utf-8") as f:
        common = sorted({w.strip() for w in f if w.strip() and w.strip() in names_lower})

    header = "# Generated by corpus/tools/build_name_lexicons.py -- do not edit; see rules/README.md\n"
    def write(name, words, note, directive=""):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(directive + header + note)
            for w in sorted(words, key=lambda s: (s.lower(), s)):
                f.write(w + "\n")
        print(f"{name}: {len(words)}")
    # Matched as written: the finder only takes capitalised given names, and a
    # case-insensitive match would hit every "jan", "mark" and "ben" in text.
    write("first_names.txt", first,
          "# Given names. Sources: @faker-js/faker locales (MIT) + curated lists.\n",
          directive="#! case-sensitive\n")
    write("surnames.txt", last,
          "# Surnames (main part, without tussenvoegsel). Sources: @faker-js/faker (MIT) + curated list.\n")
    write("common_words_nl.txt", common,
          "# Names that are also ordinary Dutch words. Source: OpenTaal word list\n"
          "# (Debian wdutch; BSD or CC BY 3.0, (c) OpenTaal), intersected with the name lists.\n")


if __name__ == "__main__":
    main()
